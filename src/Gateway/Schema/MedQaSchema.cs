using GraphQL.Types;
using MedQA.Kernel.GraphQL;

namespace MedQA.Gateway.Schema;

/// <summary>
/// The one schema: the root query type, with every module's type extensions applied before the schema is built.
/// Graph types are singletons, so the instance an extension adds fields to is the one the schema serves.
/// </summary>
public sealed class MedQaSchema : GraphQL.Types.Schema
{
    public MedQaSchema(IServiceProvider services, QueryType query, IEnumerable<IObjectTypeExtension> extensions)
        : base(services)
    {
        foreach (var extension in extensions)
        {
            extension.Extend((IObjectGraphType)services.GetRequiredService(extension.ExtendedType));
        }
        Query = query;
        Description = "MedQA: patients' medical questions, doctors' replies, articles and FAQ topics.";
    }
}
