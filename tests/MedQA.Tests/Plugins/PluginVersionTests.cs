using System.Reflection;
using MedQA.Gateway.Plugins;
using MedQA.Tests.Support;

namespace MedQA.Tests.Plugins;

/// <summary>
/// A plugin built against a newer version of an assembly the gateway shares with plugins (fixture
/// <c>tests/Fixtures/NewerShared</c>: Microsoft.Extensions.Logging.Abstractions 11.0.0 against the gateway's 10.0) is
/// refused at load, with a reason naming the assembly and both versions, instead of failing on use with a missing
/// file or type.
/// </summary>
public sealed class PluginVersionTests
{
    [Fact]
    public async Task A_plugin_built_against_a_newer_shared_assembly_is_refused_naming_it_and_both_versions()
    {
        using var host = new MedQaFactory().WithPluginsFolder(FixturePlugins.Folder(["NewerShared"]));

        var body = await host.QueryAsync("{ plugins { name status reason } }");

        var plugin = body["data"]!["plugins"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "NewerShared")!;
        Assert.Equal("FAILED", plugin["status"]!.GetValue<string>());
        var gateway = typeof(Microsoft.Extensions.Logging.ILogger).Assembly.GetName().Version;
        Assert.Equal(
            $"it was built against Microsoft.Extensions.Logging.Abstractions 11.0.0.0, newer than this MedQA's {gateway}: "
            + "build it against MedQA.Plugins.Contracts 1.1.0 (GraphQL.NET 8.8.5) and .NET 10's packages",
            plugin["reason"]!.GetValue<string>());
        Assert.Contains(body["data"]!["plugins"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "causes-summary" && p["status"]!.GetValue<string>() == "ACTIVE");
    }

    [Fact]
    public void Older_and_equal_versions_of_shared_assemblies_load()
    {
        Version? Gateway(string name) => name == "GraphQL" ? new Version(8, 0, 0, 0) : null;

        Assert.Null(PluginDiscovery.NewerSharedReference([new AssemblyName("GraphQL, Version=8.0.0.0"), new AssemblyName("GraphQL, Version=7.0.0.0")], Gateway));
        Assert.Null(PluginDiscovery.NewerSharedReference([new AssemblyName("Markdig, Version=99.0.0.0")], Gateway)); // the plugin's own
        Assert.StartsWith("it was built against GraphQL 9.0.0.0, newer than this MedQA's 8.0.0.0",
            PluginDiscovery.NewerSharedReference([new AssemblyName("GraphQL, Version=9.0.0.0")], Gateway), StringComparison.Ordinal);
    }
}
