using MedQA.Gateway.Import;
using MedQA.Gateway.Plugins;
using MedQA.Kernel.Data;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Plugins;

/// <summary>A plugin's stored values survive its being disabled, and pages imported without it can get them later.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // gateways restarted on one SQLite file, read with SQLite directly
public sealed class PluginDataTests : IDisposable
{
    private const string Causes = "causes-summary";

    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-plugin-data-").FullName;

    private static string Seed => RepositoryRoot.File("samples", "pages", "facial-nerve-twitching.txt");

    [Fact]
    public async Task Reimporting_while_a_plugin_is_disabled_keeps_its_stored_values()
    {
        using (var enabled = Catalogue("kept.db"))
        {
            await ImportAsync(enabled);
        }
        var before = await RecordsAsync("kept.db");

        using (var disabled = Catalogue("kept.db", causesEnabled: false))
        {
            var report = await ImportAsync(disabled);
            Assert.Equal(1, report.Updated);
        }

        Assert.Contains(before, r => r.Plugin == Causes);
        Assert.Equal(before, await RecordsAsync("kept.db"));
    }

    [Fact]
    public async Task Backfill_stores_for_pages_imported_without_the_plugin_what_an_import_with_it_stores()
    {
        using (var disabled = Catalogue("backfilled.db", causesEnabled: false))
        {
            await ImportAsync(disabled);
        }
        Assert.DoesNotContain(await RecordsAsync("backfilled.db"), r => r.Plugin == Causes);
        using (var reference = Catalogue("reference.db"))
        {
            await ImportAsync(reference);
        }

        using var enabled = Catalogue("backfilled.db");
        var (pages, values) = await enabled.Services.GetRequiredService<PluginBackfill>().RunAsync(Causes);
        var causes = await enabled.QueryAsync("""{ question(slug: "facial-nerve-twitching") { causes { heading items { title } } } }""");

        Assert.Equal((1, 1), (pages, values));
        Assert.Equal((await RecordsAsync("reference.db")).Where(r => r.Plugin == Causes), (await RecordsAsync("backfilled.db")).Where(r => r.Plugin == Causes));
        Assert.Equal("Causes of Facial Nerve Twitches", causes.Data()["question"]!["causes"]!["heading"]!.GetValue<string>());
    }

    [Fact]
    public async Task Backfill_names_what_stops_it()
    {
        using var catalogue = Catalogue("errors.db", causesEnabled: false);
        var backfill = catalogue.Services.GetRequiredService<PluginBackfill>();

        var disabled = await Assert.ThrowsAsync<PluginBackfillException>(() => backfill.RunAsync(Causes));
        var unknown = await Assert.ThrowsAsync<PluginBackfillException>(() => backfill.RunAsync("no-such-plugin"));

        Assert.Equal("the plugin 'causes-summary' is DISABLED, not active", disabled.Message);
        Assert.StartsWith("there is no plugin named 'no-such-plugin' (plugins: causes-summary, treatment-summary", unknown.Message);
    }

    private EmptyMedQaFactory Catalogue(string file, bool causesEnabled = true)
    {
        var factory = new EmptyMedQaFactory();
        factory.WithSetting("ConnectionStrings:MedQA", $"Data Source={Path.Combine(_folder, file)};Pooling=False");
        factory.WithSetting($"MedQA:Plugins:{Causes}:Enabled", causesEnabled ? "true" : "false");
        return factory;
    }

    private static Task<ImportReport> ImportAsync(EmptyMedQaFactory catalogue) =>
        catalogue.Services.GetRequiredService<PageImportRunner>().ImportAsync([Seed], TextWriter.Null);

    /// <summary>The stored plugin values, read with plain SQL.</summary>
    private async Task<List<(string Plugin, string Key, string Json)>> RecordsAsync(string file)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder, file)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Plugin, Key, Json FROM PluginRecords ORDER BY Plugin, Key";
        await using var reader = await command.ExecuteReaderAsync();
        var records = new List<(string, string, string)>();
        while (await reader.ReadAsync())
        {
            records.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return records;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
