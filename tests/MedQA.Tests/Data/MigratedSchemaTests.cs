using MedQA.Kernel.Data;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Data;

/// <summary>
/// The migrations of the provider the suite runs on (SQLite, or PostgreSQL with MEDQA_TEST_POSTGRES), run for real:
/// what they made is read back from the database's own catalogue, not from EF's model of it.
/// </summary>
public sealed class MigratedSchemaTests
{
    [Fact]
    public async Task The_migrated_database_has_every_table_index_and_foreign_key_of_the_model()
    {
        using var factory = new EmptyMedQaFactory();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        var catalogue = await CatalogueAsync(db);

        foreach (var entity in db.GetService<IDesignTimeModel>().Model.GetEntityTypes())
        {
            Assert.Contains(("table", entity.GetTableName()!), catalogue);
            foreach (var index in entity.GetIndexes())
            {
                Assert.Contains(("index", index.GetDatabaseName()!), catalogue);
            }
            foreach (var key in entity.GetForeignKeys())
            {
                Assert.Contains(("foreign key", $"{entity.GetTableName()}->{key.PrincipalEntityType.GetTableName()}"), catalogue);
            }
        }
        Assert.Contains(("table", "QuestionSearch"), catalogue); // search, outside the model
    }

    [Fact]
    public async Task Migrating_down_past_search_and_up_again_keeps_every_page_searchable()
    {
        using var factory = new EmptyMedQaFactory();
        await factory.ImportAsync(Pages.TwoReplies, Pages.Minimal(title: "Striped zebra rash"));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        var migrations = db.Database.GetMigrations().ToList();
        var beforeSearch = migrations[migrations.FindIndex(m => m.EndsWith("_Search", StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync(beforeSearch);
        Assert.DoesNotContain(("table", "QuestionSearch"), await CatalogueAsync(db));
        await migrator.MigrateAsync();

        var body = await factory.QueryAsync("""{ zebra: search(query: "zebra") { totalCount } viral: search(query: "post viral") { totalCount nodes { snippet { text } } } }""");
        Assert.Equal(1, body.Data()["zebra"]!["totalCount"]!.GetValue<int>());
        Assert.Contains("post-viral", body.Data()["viral"]!["nodes"]![0]!["snippet"]!["text"]!.GetValue<string>());
    }

    /// <summary>The tables, indexes and foreign keys (as "table->referenced table") the database itself lists.</summary>
    private static async Task<HashSet<(string Kind, string Name)>> CatalogueAsync(MedQaDbContext db) =>
        [.. (await db.Database.SqlQueryRaw<CatalogueRow>(TestDatabase.OnPostgres
            ? """
              SELECT 'table' AS "Kind", tablename::text AS "Name" FROM pg_tables WHERE schemaname = 'public'
              UNION ALL SELECT 'index', indexname::text FROM pg_indexes WHERE schemaname = 'public'
              UNION ALL SELECT 'foreign key', c.conrelid::regclass::text || '->' || c.confrelid::regclass::text
                        FROM pg_constraint AS c WHERE c.contype = 'f'
              """
            : """
              SELECT type AS "Kind", name AS "Name" FROM sqlite_master WHERE type IN ('table', 'index')
              UNION ALL SELECT 'foreign key', t.name || '->' || f."table" FROM sqlite_master AS t, pragma_foreign_key_list(t.name) AS f
              WHERE t.type = 'table'
              """).ToListAsync()).Select(r => (r.Kind, r.Name.Replace("\"", "", StringComparison.Ordinal)))];

    private sealed class CatalogueRow
    {
        public string Kind { get; set; } = "";

        public string Name { get; set; } = "";
    }
}
