using System.Diagnostics;
using System.Text.RegularExpressions;
using MedQA.Tests.Support;

namespace MedQA.Tests.Plugins;

/// <summary>
/// The README's "Build a plugin outside this repository", followed as written: the contracts packed into a folder
/// feed, the plugin's three files taken from the README's code blocks, built with its NuGet dependency (Markdig)
/// in a folder outside the repository, deployed to a plugins folder and queried: its batched field reads the
/// question through the content reader.
/// </summary>
public sealed partial class ExternalPluginTests : IDisposable
{
    private readonly TempFolder _folder = new("medqa-external-");

    [Fact]
    public async Task A_plugin_built_outside_the_repository_as_the_README_says_is_loaded_with_its_NuGet_dependency()
    {
        var readme = await File.ReadAllTextAsync(RepositoryRoot.File("README.md"));
        var section = readme[readme.IndexOf("### Build a plugin outside this repository", StringComparison.Ordinal)..];
        var plugin = Directory.CreateDirectory(_folder.File("MarkdownNote")).FullName;
        var files = FileBlock().Matches(section[..section.IndexOf("\n## ", StringComparison.Ordinal)]).ToList();
        Assert.Equal(["MarkdownNote.csproj", "nuget.config", "MarkdownNotePlugin.cs"], files.Select(f => f.Groups["name"].Value));
        foreach (var file in files)
        {
            await File.WriteAllTextAsync(Path.Combine(plugin, file.Groups["name"].Value), file.Groups["text"].Value);
        }

        // The package cache is the test's own: a contracts package of the same version from an earlier build must not stand in.
        var packages = _folder.File("packages");
        await DotnetAsync(_folder.Path, $"pack {RepositoryRoot.File("src", "Modules", "PluginContracts")} -c Release -o medqa-feed");
        await DotnetAsync(plugin, $"build -c Release -o out --packages {packages}");
        var deployed = _folder.File("plugins", "MarkdownNote");
        FixturePlugins.CopyFolder(Path.Combine(plugin, "out"), deployed);
        Assert.True(File.Exists(Path.Combine(deployed, "Markdig.dll")), "the build output holds the plugin's NuGet dependency");
        Assert.False(File.Exists(Path.Combine(deployed, "GraphQL.dll")), "the build output holds no copy of the gateway's GraphQL.NET");

        using var host = new MedQaFactory().WithPluginsFolder(_folder.File("plugins"));
        var body = await host.QueryAsync("""{ question(slug: "facial-nerve-twitching") { title note } plugins { name status } }""");

        // The title the plugin read through the content reader is the core field's.
        Assert.Equal($"<p>Ask <strong>your doctor</strong> about <em>{body["data"]!["question"]!["title"]!.GetValue<string>()}</em>.</p>",
            body["data"]!["question"]!["note"]!.GetValue<string>());
        Assert.Contains(body["data"]!["plugins"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "markdown-note" && p["status"]!.GetValue<string>() == "ACTIVE");
    }

    private static async Task DotnetAsync(string directory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        // The test host runs under `dotnet test`, whose MSBuild settings would steer this build: it starts clean.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet {arguments} failed ({process.ExitCode}):\n{await output}\n{await errors}");
    }

    // A fenced block whose info string names a file: ```xml MarkdownNote.csproj
    [GeneratedRegex(@"^```\w+ (?<name>[\w.]+)\n(?<text>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FileBlock();

    public void Dispose() => _folder.Dispose();
}
