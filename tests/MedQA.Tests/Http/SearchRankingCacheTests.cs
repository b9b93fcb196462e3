using System.Text.Json.Nodes;
using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>A catalogue whose searches are ranked by the database on every request, as with the cache turned off.</summary>
public sealed class UncachedCatalogueFactory : CatalogueFactory
{
    public UncachedCatalogueFactory() => Factory.WithSetting("MedQA:Search:RankingCacheSeconds", "0");
}

/// <summary>A catalogue whose searches keep only their 5 best hits: later pages are ranked by the database.</summary>
public sealed class ShallowCachedCatalogueFactory : CatalogueFactory
{
    public ShallowCachedCatalogueFactory() => Factory.WithSetting("MedQA:Search:RankingCacheDepth", "5");
}

/// <summary>Search rankings kept in memory (MedQA:Search:RankingCacheSeconds) give the pages the database gives.</summary>
public sealed class SearchRankingCacheTests(CatalogueFactory cached, UncachedCatalogueFactory uncached, ShallowCachedCatalogueFactory shallow)
    : IClassFixture<CatalogueFactory>, IClassFixture<UncachedCatalogueFactory>, IClassFixture<ShallowCachedCatalogueFactory>
{
    private const string Page = """
        query($q: String!, $n: Int, $a: String) { search(query: $q, first: $n, after: $a) {
          totalCount edges { cursor node { score question { slug } snippet { text highlights { start length } } } } pageInfo { hasNextPage endCursor } } }
        """;

    [Theory]
    [InlineData("knee", 7)]
    [InlineData("knee", 2)]
    [InlineData("knee", 5)]
    [InlineData("question 01*", 4)]
    [InlineData("stairs \"second opinion\"", 25)]
    [InlineData("nothing matches this", 5)]
    public async Task Every_page_is_the_page_the_database_ranks(string query, int size)
    {
        var fromMemory = await AllPagesAsync(cached, query, size);
        var fromDatabase = await AllPagesAsync(uncached, query, size);
        var fromBoth = await AllPagesAsync(shallow, query, size); // the first 5 hits kept, the rest from the database

        Assert.Equal(fromDatabase.Select(p => p.ToJsonString()), fromMemory.Select(p => p.ToJsonString()));
        Assert.Equal(fromDatabase.Select(p => p.ToJsonString()), fromBoth.Select(p => p.ToJsonString()));
    }

    [Fact]
    public async Task A_query_is_ranked_once_for_its_pages_its_count_and_every_way_of_typing_it()
    {
        cached.Factory.Sql.Reset();

        var pages = await AllPagesAsync(cached, "stairs knee", 9);
        await cached.Factory.QueryAsync(Page, new { q = "Stairs, KNEE!", n = 3 });

        Assert.True(pages.Count > 3);
        Assert.Single(cached.Factory.Sql.Commands, c => c.Contains(TestDatabase.Ranking, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Uncached_search_ranks_on_every_request()
    {
        uncached.Factory.Sql.Reset();

        await uncached.Factory.QueryAsync(Page, new { q = "stairs knee", n = 3 });
        await uncached.Factory.QueryAsync(Page, new { q = "stairs knee", n = 3 });

        Assert.Equal(2, uncached.Factory.Sql.Commands.Count(c => c.Contains(TestDatabase.Ranking, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_page_imported_by_this_process_is_found_at_once()
    {
        using var factory = new EmptyMedQaFactory();
        await factory.ImportAsync(Pages.Minimal(title: "Striped zebra rash"));
        var before = await factory.QueryAsync("""{ search(query: "zebra") { totalCount } }""");

        await factory.ImportAsync(Pages.Minimal(title: "Zebra stripes on the shin", alias: "Other"));
        var after = await factory.QueryAsync("""{ search(query: "zebra") { totalCount nodes { question { title } } } }""");

        Assert.Equal(1, before.Data()["search"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(2, after.Data()["search"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(2, after.Data()["search"]!["nodes"]!.AsArray().Count);
    }

    private static async Task<List<JsonNode>> AllPagesAsync(CatalogueFactory catalogue, string query, int size)
    {
        var pages = new List<JsonNode>();
        string? after = null;
        do
        {
            var body = await catalogue.Factory.QueryAsync(Page, new { q = query, n = size, a = after });
            Assert.Null(body["errors"]);
            var search = body.Data()["search"]!;
            pages.Add(search);
            after = search["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? search["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        return pages;
    }
}
