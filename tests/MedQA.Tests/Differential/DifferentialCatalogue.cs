using GraphQL.Types;
using MedQA.Gateway.Generate;
using MedQA.Gateway.Import;
using MedQA.Gateway.Schema;
using MedQA.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Differential;

/// <summary>
/// Two MedQA hosts on one database: <see cref="Fast"/> as MedQA serves by default, and <see cref="Reference"/> with
/// <c>MedQA:GraphQL:ReferenceExecution</c> (stock GraphQL.NET, whole rows), the oracle. The database holds the sample
/// pages and a generated catalogue of <see cref="Generated"/> pages; both load the shipped and the fixture plugins.
/// Runs on SQLite, and on PostgreSQL when <c>MEDQA_TEST_POSTGRES</c> is set.
/// </summary>
public sealed class DifferentialCatalogue : IAsyncLifetime
{
    /// <summary>The xunit collection the differential tests share one catalogue in.</summary>
    public const string Collection = "differential";

    public const int Generated = 120;
    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-differential-").FullName;

    public MedQaFactory Fast { get; } = new();

    public MedQaFactory Reference { get; } = new EmptyMedQaFactory();

    public ValuePools Pools { get; private set; } = null!;

    public ISchema Schema => Fast.Services.GetRequiredService<MedQaSchema>();

    public async Task InitializeAsync()
    {
        // On SQLite one file both hosts open (pooled: opening a connection per request costs more than the queries);
        // on PostgreSQL (MEDQA_TEST_POSTGRES) the fast host's scratch database, which the reference host is then given.
        var database = TestDatabase.OnPostgres ? null : $"Data Source={Path.Combine(_folder, "medqa.db")}";
        var plugins = FixturePlugins.Folder();
        foreach (var host in new[] { Fast, Reference })
        {
            if (database is not null)
            {
                host.WithSetting("ConnectionStrings:MedQA", database);
            }
            host.WithPluginsFolder(plugins)
                .WithSetting("MedQA:RateLimits:PublicPerMinute", "1000000")
                // The fixture plugins fail on every call: a breaker opening at a different moment in the two hosts is
                // no difference between the executions.
                .WithSetting("MedQA:Plugins:Isolation:MinimumThroughput", "1000000")
                .WithSetting("MedQA:Plugins:Isolation:MaxConcurrentCalls", "1000000") // nor a bulkhead full at a different moment
                // nor the execution timeout: a heavy generated operation (search totals for every FAQ's specialty) ran
                // past 10 s in one execution while the machine was loaded, and answered TIMEOUT there only.
                .WithSetting("MedQA:GraphQL:Timeout", "00:02:00")
                // nor a plugin's time budget: on a loaded run the reference execution of a heavy operation spent an
                // external plugin's 2 s (PLUGIN_TIMEOUT there only). The fixture fields that wait on purpose are not generated.
                .WithSetting("MedQA:Plugins:TimeBudget", "00:01:00");
        }
        Reference.WithSetting("MedQA:GraphQL:ReferenceExecution", "true");
        if (database is null)
        {
            Reference.WithSetting("ConnectionStrings:MedQA", Fast.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["ConnectionStrings:MedQA"]);
        }
        var report = await GenerateCommand.RunAsync(Fast.Services.GetRequiredService<PageImporter>(), Generated, seed: 11);
        if (report.Imported != Generated)
        {
            throw new InvalidOperationException($"the generated catalogue did not import: {string.Join("; ", report.Failed)}");
        }
        Pools = await ValuePools.ReadAsync(Reference.CreateClient());
    }

    public Task DisposeAsync()
    {
        Fast.Dispose();
        Reference.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held on a slow shutdown: the OS cleans its temp folder
        }
        return Task.CompletedTask;
    }
}

[CollectionDefinition(DifferentialCatalogue.Collection)]
public sealed class DifferentialCollection : ICollectionFixture<DifferentialCatalogue>;
