using System.Text.Json.Nodes;
using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>Full-text search (SQLite FTS5) over the 60-question catalogue: titles "Question 000" to "Question 059".</summary>
public sealed class SearchTests(CatalogueFactory catalogue) : IClassFixture<CatalogueFactory>
{
    private Task<JsonNode> Query(string query, object? variables = null) => catalogue.Factory.QueryAsync(query, variables);

    [Fact]
    public async Task The_best_match_comes_first_with_the_matched_words_marked_in_its_snippet()
    {
        var body = await Query("""{ search(query: "question 007") { totalCount nodes { question { title } score snippet { text highlights { start length } } } } }""");

        var search = body.Data()["search"]!;
        Assert.Equal(1, search["totalCount"]!.GetValue<int>());
        var hit = search["nodes"]![0]!;
        Assert.Equal("Question 007", hit["question"]!["title"]!.GetValue<string>());
        var text = hit["snippet"]!["text"]!.GetValue<string>();
        var marked = hit["snippet"]!["highlights"]!.AsArray().Select(h => text.Substring(h!["start"]!.GetValue<int>(), h["length"]!.GetValue<int>()));
        Assert.Equal(["Question", "007"], marked);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("AND")]
    [InlineData("knee AND (")]
    [InlineData("*")]
    [InlineData("NEAR(knee stairs")]
    [InlineData("title:knee")]
    [InlineData("^knee -stairs")]
    [InlineData("'; DROP TABLE Questions; --")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Operators_quotes_and_junk_never_cause_an_error(string junk)
    {
        var body = await Query("query($q: String!) { search(query: $q) { totalCount nodes { question { title } } } }", new { q = junk });

        Assert.Null(body["errors"]);
        Assert.True(body.Data()["search"]!["totalCount"]!.GetValue<int>() >= 0);
    }

    [Fact]
    public async Task Words_match_anywhere_a_phrase_only_in_order_and_a_star_a_prefix()
    {
        var words = await Query("""{ search(query: "stairs knee") { totalCount } }""");
        var phrase = await Query("""{ search(query: "\"stairs knee\"") { totalCount } }""");
        var prefix = await Query("""{ search(query: "stai*") { totalCount } }""");

        Assert.Equal(CatalogueFactory.Size, words.Data()["search"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, phrase.Data()["search"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(CatalogueFactory.Size, prefix.Data()["search"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Paging_through_results_returns_every_match_once()
    {
        var seen = new List<string>();
        string? after = null;
        do
        {
            var search = (await Query("query($a: String) { search(query: \"knee\", first: 7, after: $a) { nodes { question { slug } } pageInfo { hasNextPage endCursor } } }", new { a = after }))
                .Data()["search"]!;
            seen.AddRange(search["nodes"]!.AsArray().Select(n => n!["question"]!["slug"]!.GetValue<string>()));
            after = search["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? search["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(CatalogueFactory.Size, seen.Distinct().Count());
        Assert.Equal(CatalogueFactory.Size, seen.Count);
    }

    [Fact]
    public async Task The_text_filter_composes_with_the_others()
    {
        var body = await Query("""{ questions(where: { text: "strain", specialty: "cardiology" }) { totalCount } }""");

        Assert.Equal(CatalogueFactory.Size / 3, body.Data()["questions"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_search_page_costs_the_same_statements_for_5_and_for_20_results()
    {
        async Task<int> CountAsync(int n)
        {
            catalogue.Factory.Sql.Reset();
            await Query("query($n: Int) { search(query: \"knee\", first: $n) { nodes { question { title replies { doctor { name } } } } } }", new { n });
            return catalogue.Factory.Sql.Commands.Count;
        }

        var first = await CountAsync(5);
        var small = await CountAsync(5);
        var large = await CountAsync(20);

        Assert.Equal(4, first); // ranking, snippets, questions, replies with their doctors
        Assert.Equal(3, small); // the ranking is kept (SearchRankingCacheTests)
        Assert.Equal(small, large);
    }

    [Fact]
    public async Task Questions_ordered_by_relevance_put_the_best_match_first_and_page_through_every_match()
    {
        var best = await Query("""{ questions(first: 1, where: { text: "question 007" }, order: { field: RELEVANCE }) { nodes { title } } }""");
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await Query("query($a: String) { questions(first: 7, after: $a, where: { text: \"knee\" }, order: { field: RELEVANCE }) { nodes { slug } pageInfo { hasNextPage endCursor } } }", new { a = after }))
                .Data()["questions"]!;
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!["slug"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal("Question 007", best.Data()["questions"]!["nodes"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(CatalogueFactory.Size, seen.Distinct().Count());
        Assert.Equal(CatalogueFactory.Size, seen.Count);
    }

    [Fact]
    public async Task Relevance_without_a_text_is_BAD_USER_INPUT()
    {
        var body = await Query("{ questions(order: { field: RELEVANCE }) { nodes { title } } }");

        Assert.Equal("BAD_USER_INPUT", body.Code());
    }
}
