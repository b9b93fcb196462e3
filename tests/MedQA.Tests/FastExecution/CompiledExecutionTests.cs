using MedQA.FastExecution;
using System.Net.Http.Json;
using GraphQL;
using GraphQL.Execution;
using MedQA.Gateway.Schema;
using MedQA.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.FastExecution;

/// <summary>The catalogue with every query executed by GraphQL.NET's execution nodes (compiled plans off).</summary>
public sealed class NodeExecutionCatalogueFactory : CatalogueFactory
{
    public NodeExecutionCatalogueFactory() => Factory.WithSetting("MedQA:GraphQL:CompiledExecution", "false");
}

/// <summary>
/// Queries run from compiled plans (<c>MedQA:GraphQL:CompiledExecution</c>, on by default) answer byte for byte what
/// GraphQL.NET's execution answers: data, errors, nulls, and the same SQL.
/// </summary>
public sealed class CompiledExecutionTests(CatalogueFactory compiled, NodeExecutionCatalogueFactory nodes)
    : IClassFixture<CatalogueFactory>, IClassFixture<NodeExecutionCatalogueFactory>
{
    public static TheoryData<string, string, bool> Pages => new()
    {
        { "query ListPage($after: String) { questions(first: 20, after: $after) { edges { cursor node { slug title askedOn specialty { name } replies { repliedOn doctor { name specialty { name } } } } } pageInfo { hasNextPage endCursor } } }", """{"after":null}""", false },
        { "query($slug: String!) { question(slug: $slug) { slug title headline body askedOn specialty { name } asker { alias gender ageRange { min max } } replies { body repliedOn doctor { name specialty { name } } } article { intro sections { heading body } conclusion } similar { headline questionExcerpt doctorName doctorSpecialty replyExcerpt question { slug } } relatedFaqs { topic } } }", """{"slug":"question-007"}""", false },
        { "query($q: String!) { search(query: $q, first: 5) { totalCount edges { cursor node { score snippet { text highlights { start length } } question { slug title } } } pageInfo { hasNextPage endCursor } } }", """{"q":"second opinion"}""", false },
        { "{ specialties { __typename name slug doctors { name } questions(first: 3, order: { field: TITLE, direction: DESC }) { totalCount nodes { title } } } }", "{}", false },
        { "query { a: questions(first: 2) { ...Page } b: questions(last: 2) { ...Page } } fragment Page on QuestionConnection { nodes { ... on Question { t: title id } askedOn } pageInfo { startCursor hasPreviousPage } }", "{}", false },
        { "{ questions(first: 3, where: { hasReply: true, text: \"question\" }, order: { field: RELEVANCE }) { edges { node { title asker { gender ageRange { min } } } } } }", "{}", false },
        { "{ question(slug: \"no-such-question\") { title } faqs { topic } }", "{}", false }, // a null object, and a list
        { "{ questions(first: 2) { nodes { causes { heading summary items { title } } } } }", "{}", false }, // plugin fields: GraphQL.NET's
        { "{ node(id: \"UXVlc3Rpb246Mw\") { id ... on Question { title } } questions(first: 1) { nodes { __typename } } }", "{}", false }, // an interface: GraphQL.NET's
        { "{ question(slug: \"question-001\") { similar(first: 99) { headline } } }", "{}", true }, // a resolver's error: its non-null field's null makes the question null
        { "{ a: question(slug: \"question-001\") { title s: similar(first: -1) { headline } } b: question(slug: \"question-002\") { title } }", "{}", true }, // the error's path by aliases; the other root field stands
        { "{ questions(first: 2) { nodes { title similar(first: 99) { headline } } } faqs { topic } }", "{}", true }, // nulls up to the root: no data, an error per question
        { "{ specialties { name questions(first: 1, last: 1) { totalCount } } }", "{}", true }, // a connection's argument error in every item of a list
        { "{ questions(first: 51) { nodes { title } } }", "{}", true }, // refused before execution
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_compiled_query_answers_GraphQL_NETs_bytes(string query, string variables, bool errors)
    {
        for (var request = 0; request < 2; request++) // the first parse, then the cached document
        {
            var answer = await RawAsync(compiled, query, variables);

            Assert.Equal(await RawAsync(nodes, query, variables), answer);
            Assert.Equal(errors, answer.Contains("\"errors\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_compiled_list_page_sends_the_SQL_GraphQL_NET_sends()
    {
        var query = (string)Pages.First()[0];
        await RawAsync(compiled, query, "{}");
        await RawAsync(nodes, query, "{}");

        compiled.Factory.Sql.Reset();
        nodes.Factory.Sql.Reset();
        await RawAsync(compiled, query, "{}");
        await RawAsync(nodes, query, "{}");

        Assert.Equal(2, compiled.Factory.Sql.Commands.Count);
        Assert.Equal(nodes.Factory.Sql.Commands, compiled.Factory.Sql.Commands);
    }

    [Theory]
    [InlineData("{ questions(first: 3) { nodes { title replies { doctor { name } } } } }", true)]
    [InlineData("{ questions(first: 3) { nodes { causes { summary } } } }", true)] // a plugin's field
    [InlineData("{ question(slug: \"question-001\") { slug title replies { body doctor { name } } article { intro sections { heading body } } causes { heading summary items { title detail } } treatments { heading summary } similar { headline question { slug } } relatedFaqs { topic } } }", true)] // the question page
    [InlineData("{ a: question(slug: \"question-001\") { similar(first: 99) { headline } } b: question(slug: \"question-002\") { title } }", true)] // a field's error, in place
    [InlineData("{ questions(first: 3) { nodes { title @include(if: true) } } }", false)] // a directive
    public async Task Plannable_queries_run_without_GraphQL_NETs_execution_nodes(string query, bool compiledRun)
    {
        var result = await ExecuteAsync(compiled, query);

        Assert.True(result.Executed);
        Assert.Equal(compiledRun, result.Data is not ExecutionNode);
    }

    private static async Task<ExecutionResult> ExecuteAsync(CatalogueFactory catalogue, string query)
    {
        await using var scope = catalogue.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<MedQaSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            RequestServices = scope.ServiceProvider,
            UserContext = new Dictionary<string, object?>
            {
                [MedQA.Kernel.GraphQL.RequestServices.Key] = new MedQA.Kernel.GraphQL.RequestServices(scope.ServiceProvider),
            },
        });
    }

    private static async Task<string> RawAsync(CatalogueFactory catalogue, string query, string variables)
    {
        using var client = catalogue.Factory.CreateClient();
        using var response = await client.PostAsync("/graphql", JsonContent.Create(new
        {
            query,
            variables = System.Text.Json.JsonDocument.Parse(variables).RootElement,
        }));
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }
}
