using GraphQL.Types;

namespace MedQA.Kernel.GraphQL;

/// <summary>The root query type: empty here, every module adds its fields through an extension.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Everything MedQA serves: questions with their replies and articles, specialties, FAQ topics.";
    }
}
