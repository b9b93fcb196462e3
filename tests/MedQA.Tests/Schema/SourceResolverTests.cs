using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using MedQA.Gateway.Schema;
using MedQA.Kernel.GraphQL;

namespace MedQA.Tests.Schema;

/// <summary>
/// Fields resolved by <see cref="PlannedExecutionStrategy"/> straight from their source answer what GraphQL.NET's own
/// execution answers, errors and nulls included.
/// </summary>
public sealed class SourceResolverTests
{
    [Theory]
    [InlineData("{ items { name label count } }")]
    [InlineData("{ items { name broken } }")] // an exception: the field is null, with GraphQL.NET's error and path
    [InlineData("{ items { name refused } }")] // an ExecutionError: its message and code
    [InlineData("{ items { name missing } }")] // null for a non-null field: null goes up to the nearest nullable parent
    [InlineData("{ first { name child { name child { label } } } }")]
    [InlineData("{ first { child { child { child { missing } } } } }")]
    [InlineData("{ first { self: child { n: name } items: siblings { name label } } }")]
    public async Task Resolved_from_the_source_the_answer_is_GraphQL_NETs(string query)
    {
        var planned = await RunAsync(new PlannedExecutionStrategy(), query);
        var graphQL = await RunAsync(new ParallelExecutionStrategy(), query);

        Assert.Equal(graphQL, planned);
        Assert.Contains("\"data\"", planned);
    }

    private static async Task<string> RunAsync(IExecutionStrategy strategy, string query)
    {
        var executer = new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(strategy, OperationType.Query)]), []);
        var result = await executer.ExecuteAsync(new ExecutionOptions { Schema = new TestSchema(), Query = query });
        return new GraphQLSerializer().Serialize(result);
    }

    private sealed class Item(string name, int depth)
    {
        public string Name => name;

        public string? Label => depth % 2 == 0 ? $"{name} label" : null;

        public Item? Child => depth < 3 ? new Item($"{name}.{depth + 1}", depth + 1) : null;

        public static readonly Item[] All = [new("a", 0), new("b", 1), new("c", 2)];
    }

    private sealed class ItemType : ObjectGraphType<Item>
    {
        public ItemType()
        {
            Name = "Item";
            Field<NonNullGraphType<StringGraphType>>("name").ResolveSource(i => i.Name);
            Field<StringGraphType>("label").ResolveSource(i => i.Label);
            Field<NonNullGraphType<IntGraphType>>("count").ResolveSource(i => i.Name.Length);
            Field<StringGraphType>("broken").ResolveSource(i => i.Name == "b" ? throw new InvalidOperationException("boom") : i.Name);
            Field<StringGraphType>("refused").ResolveSource(i => i.Name == "c" ? throw new ExecutionError("not this one") { Code = "REFUSED" } : i.Name);
            Field<NonNullGraphType<StringGraphType>>("missing").ResolveSource(i => i.Label);
            Field<ItemType>("child").ResolveSource(i => i.Child);
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemType>>>>("siblings").ResolveSource(_ => Item.All);
        }
    }

    private sealed class TestSchema : GraphQL.Types.Schema
    {
        public TestSchema()
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<NonNullGraphType<ListGraphType<ItemType>>>("items").Resolve(_ => Item.All);
            query.Field<ItemType>("first").ResolveSource(_ => Item.All[0]);
            Query = query;
        }
    }
}
