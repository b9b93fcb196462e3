using MedQA.FastExecution;
using MedQA.Tests.Support;

namespace MedQA.Tests.FastExecution;

/// <summary>
/// A document already validated is not walked again (CachedDocumentValidator): what it answers must be what the
/// full validation answers, for its variables, arguments and directives.
/// </summary>
public sealed class CachedDocumentTests(CatalogueFactory catalogue) : IClassFixture<CatalogueFactory>
{
    private readonly HttpClient _client = catalogue.Factory.CreateClient();

    [Fact]
    public async Task A_bad_variable_gets_the_same_error_before_and_after_its_document_is_cached()
    {
        const string query = "query BadVariable($n: Int, $slug: String!) { questions(first: $n) { nodes { title } } question(slug: $slug) { title } }";

        var (firstResponse, first) = await _client.PostAsync(query, new { n = "ten", slug = "x" }); // not cached: never ran
        var (_, good) = await _client.PostAsync(query, new { n = 2, slug = "x" });                    // runs, then cached
        var (laterResponse, later) = await _client.PostAsync(query, new { n = "ten", slug = "x" });

        Assert.Equal(2, good.Data()["questions"]!["nodes"]!.AsArray().Count);
        Assert.NotNull(first["errors"]);
        Assert.Equal(first.ToJsonString(), later.ToJsonString());
        Assert.Equal(firstResponse.StatusCode, laterResponse.StatusCode);
    }

    [Fact]
    public async Task Arguments_in_nested_fields_and_fragments_are_read_on_every_request()
    {
        const string query = """
            query Nested($n: Int, $m: Int) { questions(first: $n) { nodes { ...Similar } } }
            fragment Similar on Question { similar(first: $m) { headline } replies { body } }
            """;

        foreach (var (n, m) in new[] { (1, 2), (3, 1), (2, 3) })
        {
            var (_, body) = await _client.PostAsync(query, new { n, m });

            var nodes = body.Data()["questions"]!["nodes"]!.AsArray();
            Assert.Equal(n, nodes.Count);
            Assert.All(nodes, node => Assert.Equal(m, node!["similar"]!.AsArray().Count));
        }
    }

    [Fact]
    public async Task Fields_merged_from_fragments_and_aliases_answer_the_same_on_every_request()
    {
        // Each object's fields are collected once per selection (PlannedExecutionStrategy), merged ones included.
        const string query = """
            query Merged { questions(first: 3) { nodes { slug replies { repliedOn } ...More t: title } } }
            fragment More on Question { slug replies { doctor { name } } specialty { name } }
            """;

        var (_, first) = await _client.PostAsync(query);
        var (_, second) = await _client.PostAsync(query);

        var nodes = first.Data()["questions"]!["nodes"]!.AsArray();
        Assert.Equal(3, nodes.Count);
        Assert.All(nodes, node =>
        {
            Assert.Equal(["slug", "replies", "specialty", "t"], node!.AsObject().Select(p => p.Key));
            Assert.All(node["replies"]!.AsArray(), r => Assert.Equal(["repliedOn", "doctor"], r!.AsObject().Select(p => p.Key)));
        });
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task A_field_merged_with_arguments_keeps_them_on_every_request()
    {
        // GraphQL.NET merges the two "similar" into a new field and records its arguments in the request's context.
        const string query = """
            query MergedArguments($m: Int) { questions(first: 2) { nodes { similar(first: $m) { headline } ...Doctor } } }
            fragment Doctor on Question { similar(first: $m) { doctorName } }
            """;

        foreach (var m in new[] { 3, 3, 1, 2 })
        {
            var (_, body) = await _client.PostAsync(query, new { m });

            Assert.Null(body["errors"]);
            Assert.All(body.Data()["questions"]!["nodes"]!.AsArray(), node => Assert.Equal(m, node!["similar"]!.AsArray().Count));
        }
    }

    [Fact]
    public async Task Directives_follow_their_variables_on_every_request()
    {
        const string query = "query Directive($show: Boolean!) { questions(first: 2) { nodes { slug title @include(if: $show) } } }";

        foreach (var show in new[] { false, true, false })
        {
            var (_, body) = await _client.PostAsync(query, new { show });

            Assert.All(body.Data()["questions"]!["nodes"]!.AsArray(), node => Assert.Equal(show, node!.AsObject().ContainsKey("title")));
        }
    }
}
