using MedQA.Gateway.Generate;
using MedQA.Gateway.Import;
using MedQA.Kernel.Data;
using MedQA.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Import;

/// <summary>A bulk import tunes its SQLite connection while it runs; nothing of that may outlive it.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // SQLite's WAL checkpoints, pragmas and FTS5 segments
public sealed class BulkImportTests : IDisposable
{
    private readonly EmptyMedQaFactory _factory = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-bulk-").FullName;
    private readonly string _connection;

    public BulkImportTests()
    {
        // Pooled, as the service runs (the test kit turns pooling off): the import's connection outlives its session.
        _connection = $"Data Source={Path.Combine(_folder, "medqa.db")}";
        _factory.WithSetting("ConnectionStrings:MedQA", _connection);
    }

    [Fact]
    public async Task A_bulk_import_checkpoints_its_log_and_gives_its_connection_back_with_sqlites_defaults()
    {
        var pages = Directory.CreateDirectory(Path.Combine(_folder, "pages")).FullName;
        File.WriteAllText(Path.Combine(pages, "a.txt"), Pages.TwoReplies);
        var report = await _factory.Services.GetRequiredService<PageImportRunner>().ImportAsync([pages], TextWriter.Null);

        Assert.Equal(1, report.Imported);
        // Every idle pooled connection is handed out when this many are open at once, the import's among them.
        var contexts = _factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>();
        var open = new List<MedQaDbContext>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                var db = await contexts.CreateDbContextAsync();
                open.Add(db);
                await db.Database.OpenConnectionAsync();
                Assert.Equal((-2000L, 1000L), (await PragmaAsync(db, "cache_size"), await PragmaAsync(db, "wal_autocheckpoint")));
            }
            Assert.Equal(0, new FileInfo(Path.Combine(_folder, "medqa.db-wal")).Length);
        }
        finally
        {
            foreach (var db in open)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_large_bulk_import_leaves_the_search_index_in_one_segment()
    {
        // Two sessions (each leaves at least one segment of its own), each above the 1,000 pages from which a bulk
        // session compacts the index (ImportCommands.OptimizeAfterPages).
        var importer = _factory.Services.GetRequiredService<PageImporter>();
        var reports = new[] { await GenerateCommand.RunAsync(importer, 1_200, seed: 7), await GenerateCommand.RunAsync(importer, 1_200, seed: 8) };

        Assert.All(reports, report => Assert.Equal(1_200, report.Imported));
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        // FTS5 keeps one row per leaf page of each segment in its _idx table: one segment id left, nothing to merge
        var segments = await db.Database.SqlQuery<int>($"""SELECT count(DISTINCT segid) AS "Value" FROM "QuestionSearch_idx" """).SingleAsync();
        Assert.Equal(1, segments);
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "QuestionSearch" ("QuestionSearch", rank) VALUES ('integrity-check', 1);""");
    }

    private static async Task<long> PragmaAsync(MedQaDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        _factory.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(_connection));
        Directory.Delete(_folder, recursive: true);
    }
}
