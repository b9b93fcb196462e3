using MedQA.Tests.Support;

namespace MedQA.Tests.Data;

/// <summary>Relations load in one batch per level, whatever the page size.</summary>
public sealed class SqlStatementCountTests(CatalogueFactory catalogue) : IClassFixture<CatalogueFactory>
{
    private const string ListPage = "query($n: Int) { questions(first: $n) { edges { node { replies { doctor { specialty { name } } } } } } }";

    [Fact]
    public async Task A_list_page_with_replies_doctors_and_specialties_costs_one_statement_per_level()
    {
        await CountAsync(ListPage, 50); // specialties are kept once seen (they never change): warm that cache

        var small = await CountAsync(ListPage, 5);
        var large = await CountAsync(ListPage, 50);

        Assert.Equal(2, small); // questions, replies with their doctors; specialties come from the process cache
        Assert.Equal(small, large);
    }

    [Fact]
    public async Task Plugin_sections_cost_one_statement_for_all_plugins_whatever_the_page_size()
    {
        const string query = "query($n: Int) { questions(first: $n) { edges { node { causes { summary } treatments { summary } } } } }";

        var small = await CountAsync(query, 5);
        var large = await CountAsync(query, 50);

        Assert.Equal(2, small); // questions, then both plugins' records in one statement
        Assert.Equal(small, large);
        var (_, body) = await catalogue.Factory.CreateClient().PostAsync(query, new { n = 50 });
        Assert.All(body.Data()["questions"]!["edges"]!.AsArray(), e =>
            Assert.Equal("Common causes: strain and injury.", e!["node"]!["causes"]!["summary"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_total_is_counted_only_when_selected()
    {
        var without = await CountAsync("query($n: Int) { questions(first: $n) { nodes { title } } }", 5);
        var with = await CountAsync("query($n: Int) { questions(first: $n) { totalCount nodes { title } } }", 5);

        Assert.Equal(1, without);
        Assert.Equal(2, with);
    }

    [Fact]
    public async Task A_rejected_page_size_runs_no_SQL()
    {
        Assert.Equal(0, await CountAsync(ListPage, 51));
    }

    [Fact]
    public async Task A_batch_sends_the_same_SQL_whatever_its_keys()
    {
        await CountAsync(ListPage, 50);

        var small = await CommandsAsync(ListPage, 5);
        var large = await CommandsAsync(ListPage, 50);

        // One command text per batch (keys in one parameter), so EF makes its SQL once and SQLite keeps one plan,
        // instead of a text per key count (EF's default, which also generated the SQL again for every request).
        Assert.Equal(small, large);
    }

    private async Task<int> CountAsync(string query, int n) => (await CommandsAsync(query, n)).Count;

    private async Task<List<string>> CommandsAsync(string query, int n)
    {
        var client = catalogue.Factory.CreateClient();
        catalogue.Factory.Sql.Reset();
        await client.PostAsync(query, new { n });
        return catalogue.Factory.Sql.Commands.ToList();
    }
}
