using System.Text.RegularExpressions;
using MedQA.Kernel.Data;
using MedQA.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MedQA.Plugins.Testing;
using Npgsql;

namespace MedQA.Tests.Data;

/// <summary>A page after a cursor is an index seek, so page 2,000 costs what page 1 costs.</summary>
public sealed partial class DeepPageTests(CatalogueFactory catalogue) : IClassFixture<CatalogueFactory>
{
    [Theory]
    [InlineData("", "IX_Questions_AskedOn_Id")]
    [InlineData("order: { field: ASKED_ON, direction: ASC }", "IX_Questions_AskedOn_Id")]
    [InlineData("where: { specialty: \"neurology\" }", "IX_Questions_AskedOn_Id")]
    public async Task A_page_after_a_cursor_seeks_the_index_instead_of_scanning_to_it(string arguments, string index)
    {
        var client = catalogue.Factory.CreateClient();
        var (_, first) = await client.PostAsync($$"""{ questions(first: 5 {{(arguments.Length > 0 ? ", " + arguments : "")}}) { pageInfo { endCursor } } }""");
        var cursor = first.Data()["questions"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        catalogue.Factory.Sql.Reset();

        await client.PostAsync($$"""query($after: String) { questions(first: 5, after: $after {{(arguments.Length > 0 ? ", " + arguments : "")}}) { nodes { title } } }""", new { after = cursor });

        var sql = catalogue.Factory.Sql.Commands.Single(c => c.Contains("ORDER BY", StringComparison.Ordinal));
        if (MedQaPluginHost.OnPostgres)
        {
            var steps = await PostgresPlanAsync(sql);
            Assert.Contains(steps, step => step.Contains("Index Scan", StringComparison.Ordinal) && step.Contains(index, StringComparison.Ordinal));
            Assert.Contains(steps, step => step.Contains("Index Cond", StringComparison.Ordinal) && step.Contains("\"AskedOn\" <", StringComparison.Ordinal)
                || step.Contains("\"AskedOn\" >", StringComparison.Ordinal));
            Assert.DoesNotContain(steps, step => step.Contains("Seq Scan", StringComparison.Ordinal) || step.Contains("Sort", StringComparison.Ordinal));
            return;
        }
        var plan = await PlanAsync(sql);
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains(index, StringComparison.Ordinal)
            && (step.Contains("AskedOn<", StringComparison.Ordinal) || step.Contains("AskedOn>", StringComparison.Ordinal)));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) || step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    /// <summary>SQLite's plan for the statement (parameters unbound: the plan does not depend on their values).</summary>
    private async Task<List<string>> PlanAsync(string sql)
    {
        await using var db = await catalogue.Factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct())
        {
            command.Parameters.AddWithValue(name, DBNull.Value);
        }
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }
        return plan;
    }

    /// <summary>
    /// PostgreSQL's generic plan for the statement (the plan for any parameter values), with sequential scans and sorts
    /// priced out: a catalogue of 60 rows is read fastest whole, so the question is whether an index can serve the
    /// page at all. PostgreSQL 15 has no <c>EXPLAIN (GENERIC_PLAN)</c>: the statement is prepared, and run as a
    /// generic plan.
    /// </summary>
    private async Task<List<string>> PostgresPlanAsync(string sql)
    {
        await using var db = await catalogue.Factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        var names = Parameter().Matches(sql).Select(m => m.Value).Distinct().ToList();
        var positional = Parameter().Replace(sql, m => "$" + (names.IndexOf(m.Value) + 1));
        var nulls = string.Join(", ", names.Select(_ => "NULL"));
        await using var command = new NpgsqlCommand($"""
            SET enable_seqscan = off; SET enable_sort = off; SET plan_cache_mode = force_generic_plan;
            PREPARE page AS {positional};
            EXPLAIN EXECUTE page{(names.Count > 0 ? $"({nulls})" : "")};
            """, connection);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }
        while (await reader.NextResultAsync());
        return plan;
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
