using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MedQA.Gateway.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MedQA.Plugins.Testing;

/// <summary>
/// MedQA running inside a test with the plugins you name, on its own SQLite file (deleted on dispose), with no
/// sample pages: import the pages your plugin needs, then query. It counts the SQL statements MedQA runs. With the
/// environment variable <c>MEDQA_TEST_POSTGRES</c> set to a PostgreSQL connection string whose user may create
/// databases, it runs on PostgreSQL instead, on a database of its own (dropped on dispose).
/// <code>
/// using var host = new MedQaPluginHost().WithPluginAssembly(typeof(MyPlugin).Assembly.Location);
/// await host.ImportAsync(File.ReadAllText("page.txt"));
/// var data = await host.QueryAsync("{ question(slug: \"...\") { myField } }");
/// </code>
/// </summary>
public class MedQaPluginHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-plugin-host-").FullName;
    private readonly List<string> _assemblies = [];
    private readonly Dictionary<string, string?> _settings = [];
    private string? _pluginsFolder;
    private string? _postgresDatabase;

    /// <summary>The PostgreSQL server the tests run on (<c>MEDQA_TEST_POSTGRES</c>), or null for SQLite.</summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable("MEDQA_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>True when this host runs on PostgreSQL (<see cref="PostgresServer"/>), false on SQLite.</summary>
    public static bool OnPostgres => PostgresServer is not null;

    /// <summary>Counts (and keeps the text of) every SQL statement MedQA runs.</summary>
    public SqlStatementCounter Sql { get; } = new();

    /// <summary>
    /// Loads a plugin assembly from a path (typically <c>typeof(MyPlugin).Assembly.Location</c>, or the plugin's own
    /// build output when it has NuGet dependencies) as a deployment does: in a load context of its own, its
    /// dependencies resolved beside it, the shared assemblies (contracts, GraphQL.NET) the gateway's.
    /// </summary>
    /// <param name="path">The plugin's .dll.</param>
    public MedQaPluginHost WithPluginAssembly(string path)
    {
        _assemblies.Add(path);
        return this;
    }

    /// <summary>Loads every plugin of a plugins folder (one subfolder per plugin), as MedQA does in production.</summary>
    /// <param name="path">The folder.</param>
    public MedQaPluginHost WithPluginsFolder(string path)
    {
        _pluginsFolder = path;
        return this;
    }

    /// <summary>Sets a configuration key, such as <c>MedQA:Plugins:my-plugin:Enabled</c> or <c>MedQA:Plugins:TimeBudget</c>.</summary>
    /// <param name="key">The key, sections separated by ':'.</param>
    /// <param name="value">The value.</param>
    public MedQaPluginHost WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Imports pages given as text, in the site's page format, through MedQA's importer.</summary>
    /// <param name="pages">The pages' text.</param>
    public async Task<ImportReport> ImportAsync(params string[] pages)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "pages-" + Guid.NewGuid().ToString("N"))).FullName;
        for (var i = 0; i < pages.Length; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"{i:0000}.txt"), pages[i]);
        }
        var errors = new StringWriter();
        var report = await Services.GetRequiredService<PageImportRunner>().ImportAsync([folder], errors);
        return report.Failed.Count == 0 ? report : throw new InvalidOperationException("Pages did not import:\n" + errors);
    }

    /// <summary>Posts a GraphQL query and returns the whole response body (<c>data</c> and <c>errors</c>).</summary>
    /// <param name="query">The GraphQL document.</param>
    /// <param name="variables">Its variables, if any.</param>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await CreateClient().PostAsJsonAsync("/graphql", new { query, variables });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        if (PostgresServer is { } server)
        {
            builder.UseSetting("MedQA:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:MedQA", CreatePostgresDatabase(server));
        }
        else
        {
            builder.UseSetting("ConnectionStrings:MedQA", $"Data Source={Path.Combine(_folder, "medqa.db")};Pooling=False");
        }
        builder.UseSetting("MedQA:Samples:ImportWhenEmpty", "false");
        builder.UseSetting("MedQA:Plugins:Path", _pluginsFolder ?? Directory.CreateDirectory(Path.Combine(_folder, "no-plugins")).FullName);
        for (var i = 0; i < _assemblies.Count; i++)
        {
            builder.UseSetting($"MedQA:Plugins:Assemblies:{i}", _assemblies[i]);
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Sql));
    }

    private string CreatePostgresDatabase(string server)
    {
        _postgresDatabase = "medqa_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_postgresDatabase is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString));
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            _postgresDatabase = null;
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held on a slow shutdown: the OS cleans its temp folder
        }
    }
}
