using System.Text.Json.Nodes;
using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>
/// Introspection as the tools send it: graphql-js's full query with every option (the file beside this one, printed
/// by graphql 17.1.0's getIntrospectionQuery) answers where introspection is on, bounded by a rule made for
/// introspection instead of the data-query depth and complexity limits; data queries keep theirs.
/// </summary>
public sealed class IntrospectionTests : IDisposable
{
    private static readonly string FullQuery = File.ReadAllText(RepositoryRoot.File("tests", "MedQA.Tests", "Http", "graphql-js-introspection-query.graphql"));

    private readonly MedQaFactory _development = (MedQaFactory)new MedQaFactory().WithSetting("environment", "Development");

    [Fact]
    public async Task Graphql_js_full_introspection_query_answers_in_Development()
    {
        var body = await _development.QueryAsync(FullQuery);

        Assert.Null(body["errors"]);
        var schema = body.Data()["__schema"]!;
        Assert.StartsWith("MedQA:", schema["description"]!.GetValue<string>());
        var types = schema["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>());
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc3339#section-5.6", types["Date"]!["specifiedByURL"]!.GetValue<string>());
        Assert.Null(types["String"]!["specifiedByURL"]);
        var questions = types["Query"]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "questions")!;
        Assert.Contains(questions["args"]!.AsArray(), a => a!["name"]!.GetValue<string>() == "first" && a["isDeprecated"]!.GetValue<bool>() == false);
        var directives = schema["directives"]!.AsArray().ToDictionary(d => d!["name"]!.GetValue<string>());
        Assert.False(directives["include"]!["isRepeatable"]!.GetValue<bool>());
        Assert.Equal(["SCALAR"], directives["specifiedBy"]!["locations"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task Outside_Development_the_full_query_is_refused_as_introspection_not_for_its_size()
    {
        using var production = new MedQaFactory();

        var body = await production.QueryAsync(FullQuery);

        Assert.Equal(["INTROSPECTION_DISABLED"], Codes(body).Distinct());
    }

    [Fact]
    public async Task An_ofType_chain_deeper_than_the_tools_ask_for_is_refused_through_fragments_too()
    {
        // Ten ofType levels, five written out and five through a fragment spread inside the chain.
        var body = await _development.QueryAsync("""
            { __type(name: "Question") { fields { type { ofType { ofType { ofType { ofType { ofType { ...Five } } } } } } } } }
            fragment Five on __Type { ofType { ofType { ofType { ofType { ofType { name } } } } } }
            """);
        var nine = await _development.QueryAsync("""
            { __type(name: "Question") { fields { type { ofType { ofType { ofType { ofType { ofType { ...Four } } } } } } } } }
            fragment Four on __Type { ofType { ofType { ofType { ofType { name } } } } }
            """);

        Assert.Equal(["MAX_INTROSPECTION_DEPTH_EXCEEDED"], Codes(body));
        Assert.Equal("The introspection query nests ofType 10 levels deep; at most 9 are allowed.", body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Null(nine["errors"]);
    }

    [Fact]
    public async Task Walking_the_type_graph_in_circles_is_refused()
    {
        var body = await _development.QueryAsync("""
            { __schema { types { fields { type { fields { type { fields { name } } } } } } } }
            """);

        Assert.Equal(["MAX_INTROSPECTION_DEPTH_EXCEEDED"], Codes(body));
        Assert.Contains("nests fields, inputFields, interfaces or possibleTypes 3 levels deep; at most 2", body["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_that_also_asks_for_data_keeps_the_data_query_limits()
    {
        // Eleven levels through node: the data depth limit (10) applies, __schema beside it or not.
        var deep = "node(id: \"x\") { ... on Question { specialty { questions { edges { node { specialty { questions { edges { node { specialty { name } } } } } } } } } } }";

        var body = await _development.QueryAsync($"{{ __schema {{ description }} {deep} }}");

        Assert.Equal(["MAX_DEPTH_EXCEEDED"], Codes(body));
    }

    private static string[] Codes(JsonNode body) =>
        (body["errors"]?.AsArray() ?? []).Select(e => e!["extensions"]?["code"]?.GetValue<string>() ?? "").ToArray();

    public void Dispose() => _development.Dispose();
}
