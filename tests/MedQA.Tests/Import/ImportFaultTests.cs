using System.Data.Common;
using MedQA.Gateway.Import;
using MedQA.Kernel.Data;
using MedQA.Plugins.Testing;
using MedQA.Questions;
using MedQA.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Import;

/// <summary>
/// A fault of the database as a whole during an import (a lock held past the wait, a full disk) stops the import with
/// its summary and the error, instead of failing every later page one by one; the batch in progress is rolled back,
/// so nothing is half-written, and what earlier imports wrote stays.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // SQLite's locks and max_page_count stand in for the faults
public sealed class ImportFaultTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-import-fault-").FullName;

    private string Database => Path.Combine(_folder, "medqa.db");

    [Fact]
    public async Task A_database_locked_past_the_wait_stops_the_import_with_its_summary_and_writes_nothing()
    {
        using var factory = new EmptyMedQaFactory();
        factory.WithSetting("ConnectionStrings:MedQA", $"Data Source={Database};Pooling=False;Default Timeout=1"); // a 1 s busy wait
        var runner = factory.Services.GetRequiredService<PageImportRunner>();
        Assert.Equal(1, (await runner.ImportAsync([Write("a.txt", Pages.Minimal(title: "Knee pain"))], TextWriter.Null)).Created);
        await using var holder = new SqliteConnection($"Data Source={Database};Pooling=False");
        await holder.OpenAsync();
        await using var write = holder.BeginTransaction(deferred: false); // another process's write lock
        var errors = new StringWriter();

        var report = await runner.ImportAsync([Write("b.txt", Pages.Minimal(title: "Ankle pain")), Write("c.txt", Pages.Minimal(title: "Hip pain"))], errors);

        Assert.Equal((0, 0), (report.Imported, report.Failed.Count));
        Assert.Contains("database is locked", report.Stopped);
        Assert.StartsWith("import stopped: SQLite Error 5: 'database is locked'", errors.ToString());
        Assert.Contains("stopped early", report.ToString());
        await write.RollbackAsync();
        Assert.Equal(["Knee pain"], await TitlesAsync(factory));
    }

    [Fact]
    public async Task A_full_disk_in_the_middle_of_an_import_stops_it_and_rolls_back_the_batch_in_progress()
    {
        var full = new FullDisk();
        using var factory = new FaultyDiskFactory(full);
        factory.WithSetting("ConnectionStrings:MedQA", $"Data Source={Database};Pooling=False");
        var runner = factory.Services.GetRequiredService<PageImportRunner>();
        Assert.Equal(1, (await runner.ImportAsync([Write("first.txt", Pages.Minimal(title: "Knee pain"))], TextWriter.Null)).Created);
        var body = string.Join(" ", Enumerable.Repeat("The pain comes and goes with the weather.", 100)); // 4 KB a page
        var pages = Enumerable.Range(0, 40)
            .Select(i => Write($"p{i:00}.txt", Pages.Minimal(title: $"Back pain {i}").Replace("Should I worry?", body))).ToList();
        full.PagesLeft = 40; // 160 KB more: the disk fills part-way through the 40 pages
        var errors = new StringWriter();

        var report = await runner.ImportAsync(pages, errors);

        Assert.Equal((0, 0), (report.Imported, report.Failed.Count));
        Assert.Contains("database or disk is full", report.Stopped);
        Assert.Matches(@"^import stopped: SQLite Error 13: 'database or disk is full'.* \(\d+ page\(s\) of the batch in progress rolled back\)", errors.ToString());
        Assert.Equal(["Knee pain"], await TitlesAsync(factory));
        full.PagesLeft = null; // space again: the same pages import whole
        Assert.Equal(40, (await runner.ImportAsync(pages, TextWriter.Null)).Created);
    }

    [Fact]
    public async Task A_full_disk_stops_generate_too_with_its_summary()
    {
        var full = new FullDisk();
        using var factory = new FaultyDiskFactory(full);
        factory.WithSetting("ConnectionStrings:MedQA", $"Data Source={Database};Pooling=False");
        _ = factory.Services; // started, migrated
        full.PagesLeft = 20;

        var report = await MedQA.Gateway.Generate.GenerateCommand.RunAsync(factory.Services.GetRequiredService<PageImporter>(), 400, 7);

        Assert.Equal(0, report.Imported);
        Assert.Contains("database or disk is full", report.Stopped);
        Assert.Empty(await TitlesAsync(factory));
    }

    private static async Task<List<string>> TitlesAsync(MedQaPluginHost factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        return await db.Set<Question>().OrderBy(q => q.Id).Select(q => q.Title).ToListAsync();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Lets each connection opened from now on grow the file by at most <see cref="PagesLeft"/> pages (SQLite's max_page_count).</summary>
    private sealed class FullDisk : DbConnectionInterceptor
    {
        public int? PagesLeft { get; set; }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (PagesLeft is { } left)
            {
                await using var count = connection.CreateCommand();
                count.CommandText = "PRAGMA page_count";
                var pages = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
                await using var limit = connection.CreateCommand();
                limit.CommandText = $"PRAGMA max_page_count = {pages + left}";
                await limit.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private sealed class FaultyDiskFactory(FullDisk disk) : MedQaPluginHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(disk));
        }
    }
}
