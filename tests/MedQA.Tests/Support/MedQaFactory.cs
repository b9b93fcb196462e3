using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Support;

/// <summary>
/// MedQA over HTTP in the test process, on its own SQLite file (deleted afterwards), migrated and filled with the
/// sample pages at start exactly as `dotnet run` does. Counts the SQL statements it runs.
/// </summary>
public class MedQaFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-tests-").FullName;

    public SqlCounter Sql { get; } = new();

    public string DatabaseFile => Path.Combine(_folder, "medqa.db");

    protected virtual bool ImportSamples => true;

    /// <summary>The in-repo plugins, as the gateway's build put them beside its binaries.</summary>
    protected virtual string PluginsPath => RepositoryRoot.File("src", "Gateway", "bin", BuildConfiguration, "net10.0", "plugins");

#if DEBUG
    public const string BuildConfiguration = "Debug";
#else
    public const string BuildConfiguration = "Release";
#endif

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:MedQA", $"Data Source={DatabaseFile};Pooling=False");
        builder.UseSetting("MedQA:Samples:ImportWhenEmpty", ImportSamples.ToString());
        builder.UseSetting("MedQA:Samples:Path", Path.Combine(RepositoryRoot.Path, "samples", "pages"));
        builder.UseSetting("MedQA:Plugins:Path", PluginsPath);
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Sql));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow shutdown: the temp folder is cleaned by the OS
        }
    }
}

/// <summary>A factory whose database starts empty.</summary>
public sealed class EmptyMedQaFactory : MedQaFactory
{
    protected override bool ImportSamples => false;
}
