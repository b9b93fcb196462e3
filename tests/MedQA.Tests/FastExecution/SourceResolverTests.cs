using MedQA.FastExecution;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using MedQA.Gateway.Schema;
using MedQA.Kernel.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.FastExecution;

/// <summary>
/// <see cref="PlannedExecutionStrategy"/> answers what GraphQL.NET's own execution answers, errors and nulls
/// included: with fields resolved straight from their source, and with queries run from compiled plans (which hand
/// any error back to GraphQL.NET), whose resolvers see the context GraphQL.NET gives them.
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
    [InlineData("{ items { ... on Item { kind n: name } ...Names } } fragment Names on Item { name count }")]
    [InlineData("{ items { __typename echo { text } } first { child { e: echo(n: 3) { text again { text } } } } }")]
    [InlineData("{ first { siblings { child { echo(n: 1) { again { again { text } } } } } } }")]
    [InlineData("{ first { siblings { echo { text } broken } } }")] // an error late in a compiled run
    [InlineData("{ items { name noted } }")] // an error a resolver adds without throwing
    [InlineData("{ first { name withHole { name } } }")] // null for a non-null list item
    [InlineData("{ items { tag } first { child { tag } } }")] // read with a request service
    [InlineData("{ __schema { queryType { name } types { name kind fields(includeDeprecated: true) { name args { name defaultValue } type { name kind ofType { name kind } } } enumValues { name } } } }")]
    [InlineData("{ __type(name: \"Item\") { name fields { name type { kind ofType { name } } } } }")]
    public async Task The_answer_is_GraphQL_NETs(string query)
    {
        var graphQL = await RunAsync(new ParallelExecutionStrategy(), query);
        var fromSource = await RunAsync(new PlannedExecutionStrategy(compile: false), query);
        var compiled = await RunAsync(new PlannedExecutionStrategy(), query);

        Assert.Equal(graphQL, fromSource);
        Assert.Equal(graphQL, compiled);
        Assert.Contains("\"data\"", compiled);
    }

    [Theory]
    [InlineData("{ items { name label count } }", true)]
    [InlineData("{ first { siblings { child { echo(n: 1) { again { text } } } } } }", true)]
    [InlineData("{ __type(name: \"Item\") { name fields { name } } }", true)]
    [InlineData("{ items { name broken } }", false)] // an error: GraphQL.NET's execution reports it
    [InlineData("{ items { name missing } }", false)] // null for a non-null field: likewise
    [InlineData("{ items { noted } }", false)] // an error added to the context: likewise
    [InlineData("{ first { withHole { name } } }", false)] // null for a non-null list item: likewise
    public async Task Queries_run_from_a_compiled_plan_unless_they_meet_an_error(string query, bool compiledRun)
    {
        var result = await ExecuteAsync(new PlannedExecutionStrategy(), query);

        Assert.Equal(compiledRun, result.Data is not ExecutionNode);
    }

    [Fact]
    public async Task A_cancelled_run_ends_after_its_resolvers_still_running()
    {
        using var cancel = new CancellationTokenSource();
        var schema = new TestSchema(cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ExecuteAsync(new PlannedExecutionStrategy(), "{ slow stop items { name } }", schema, cancel.Token));

        Assert.Equal(1, schema.SlowRuns);
        Assert.Equal(0, schema.SlowNow); // finished before the execution ended: nothing uses the request after it
    }

    private static async Task<string> RunAsync(IExecutionStrategy strategy, string query) =>
        new GraphQLSerializer().Serialize(await ExecuteAsync(strategy, query));

    [Fact]
    public async Task A_field_read_with_a_request_service_missing_from_the_request_is_GraphQL_NETs_error()
    {
        var graphQL = new GraphQLSerializer().Serialize(await ExecuteAsync(new ParallelExecutionStrategy(), "{ items { tag } }", services: false));
        var compiled = new GraphQLSerializer().Serialize(await ExecuteAsync(new PlannedExecutionStrategy(), "{ items { tag } }", services: false));

        Assert.Equal(graphQL, compiled);
        Assert.Contains("\"errors\"", compiled);
    }

    private static Task<ExecutionResult> ExecuteAsync(
        IExecutionStrategy strategy, string query, TestSchema? schema = null, CancellationToken cancellationToken = default, bool services = true) =>
        new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(),
                new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(strategy, OperationType.Query)]), [])
            .ExecuteAsync(new ExecutionOptions
            {
                Schema = schema ?? new TestSchema(),
                Query = query,
                CancellationToken = cancellationToken,
                RequestServices = services ? new ServiceCollection().AddScoped<Tags>().BuildServiceProvider().CreateScope().ServiceProvider : null,
            });

    /// <summary>A request service: tags by name, and how many it gave.</summary>
    private sealed class Tags
    {
        private int _given;

        public string For(string name) => $"{name}#{++_given}";
    }

    /// <summary>What a resolver sees of its context, written out so two executions can be compared.</summary>
    private static string Describe(IResolveFieldContext context) => string.Join(" | ",
        string.Join("/", context.Path), string.Join("/", context.ResponsePath), context.ParentType.Name,
        context.FieldDefinition.Name, context.FieldAst.Alias?.Name.StringValue, context.Parent?.FieldDefinition.Name,
        string.Join("/", context.Parent?.ResponsePath ?? []), context.Parent?.Source is Item parent ? parent.Name : context.Parent?.Source,
        string.Join(",", context.SubFields?.Keys.ToArray() ?? []), context.GetArgument<int>("n"), context.Arguments?.Count,
        context.Source is Item item ? item.Name : context.Source);

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
            Field<ListGraphType<NonNullGraphType<ItemType>>>("withHole").ResolveSource(_ => new[] { Item.All[0], null });
            Field<NonNullGraphType<KindType>>("kind").ResolveSource(i => i.Name == "a" ? Kind.First : Kind.Other);
            Field<EchoType>("echo").Argument<IntGraphType>("n").Resolve(Describe);
            Field<StringGraphType>("tag").ResolveWith<Tags, Item, object>((tags, item) => tags.For(item.Name));
            Field<StringGraphType>("noted").Resolve(context =>
            {
                context.Errors.Add(new ExecutionError($"a note on {context.Source!.Name}") { Code = "NOTED" });
                return context.Source.Name;
            });
        }
    }

    private enum Kind
    {
        First,
        Other,
    }

    private sealed class KindType : EnumerationGraphType<Kind>;

    private sealed class EchoType : ObjectGraphType<string>
    {
        public EchoType()
        {
            Name = "Echo";
            Field<NonNullGraphType<StringGraphType>>("text").Resolve(context => context.Source);
            Field<EchoType>("again").Resolve(Describe);
        }
    }

    private sealed class TestSchema : GraphQL.Types.Schema
    {
        private int _slowNow;
        private int _slowRuns;

        public int SlowRuns => _slowRuns;

        public int SlowNow => _slowNow;

        public TestSchema(CancellationTokenSource? stop = null)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<StringGraphType>("slow").ResolveAsync(async _ =>
            {
                Interlocked.Increment(ref _slowRuns);
                Interlocked.Increment(ref _slowNow);
                await Task.Delay(200, CancellationToken.None);
                Interlocked.Decrement(ref _slowNow);
                return "done";
            });
            query.Field<StringGraphType>("stop").Resolve(_ =>
            {
                stop?.Cancel();
                return "stopped";
            });
            query.Field<NonNullGraphType<ListGraphType<ItemType>>>("items").Resolve(_ => Item.All);
            query.Field<ItemType>("first").ResolveSource(_ => Item.All[0]);
            Query = query;
        }
    }
}
