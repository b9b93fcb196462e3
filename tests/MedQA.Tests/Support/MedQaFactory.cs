using MedQA.Plugins.Testing;

namespace MedQA.Tests.Support;

/// <summary>
/// MedQA over HTTP in the test process, as `dotnet run` starts it: the in-repo plugins from the gateway's build
/// folder, and the sample pages imported into its empty scratch database at start. Built on the plugin test kit.
/// </summary>
public class MedQaFactory : MedQaPluginHost
{
    public MedQaFactory()
        : this(importSamples: true)
    {
    }

    protected MedQaFactory(bool importSamples)
    {
        WithPluginsFolder(InRepoPlugins);
        WithSetting("MedQA:Samples:ImportWhenEmpty", importSamples ? "true" : "false");
        WithSetting("MedQA:Samples:Path", RepositoryRoot.File("samples", "pages"));
    }

    /// <summary>The in-repo plugins, as the gateway's build put them beside its binaries.</summary>
    public static string InRepoPlugins => RepositoryRoot.File("src", "Gateway", "bin", BuildConfiguration, "net10.0", "plugins");

#if DEBUG
    public const string BuildConfiguration = "Debug";
#else
    public const string BuildConfiguration = "Release";
#endif
}

/// <summary>A factory whose database starts empty.</summary>
public sealed class EmptyMedQaFactory() : MedQaFactory(importSamples: false);
