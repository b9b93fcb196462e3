namespace MedQA.Tests.Support;

/// <summary>
/// A plugins folder holding the in-repo plugins, the fixture plugins (built apart from MedQA and copied in, as an
/// operator would) and an assembly that is not one.
/// </summary>
public static class FixturePlugins
{
    /// <summary>
    /// Where this test run's plugin folders go: one folder, deleted when the run ends (a loaded assembly's file can be
    /// deleted here), since hosts keep theirs open until they are disposed.
    /// </summary>
    private static readonly Lazy<TempFolder> Root = new(() =>
    {
        var root = new TempFolder("medqa-plugins-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => root.Dispose();
        return root;
    });

    public static readonly string[] Fixtures = ["AsyncVoid", "Blocking", "CoreClash", "ExternalHello", "Faulty", "PluginClash", "ThrowsOnRegister", "TypeClash"];

    /// <summary>A new folder with all of them.</summary>
    public static string Folder() => Folder(Fixtures);

    /// <summary>A new folder with MedQA's own plugins and these fixtures (folder names under <c>tests/Fixtures</c>).</summary>
    public static string Folder(IEnumerable<string> fixtures)
    {
        var folder = Directory.CreateDirectory(Root.Value.File(Path.GetRandomFileName())).FullName;
        CopyFolder(MedQaFactory.InRepoPlugins, folder);
        foreach (var fixture in fixtures)
        {
            CopyFolder(RepositoryRoot.File("tests", "Fixtures", fixture, "bin", MedQaFactory.BuildConfiguration, "net10.0"), Path.Combine(folder, fixture));
        }
        Directory.CreateDirectory(Path.Combine(folder, "Broken"));
        File.WriteAllBytes(Path.Combine(folder, "Broken", "Broken.dll"), "MZ this is not an assembly"u8.ToArray());
        return folder;
    }

    /// <summary>Copies a build output folder, as an operator deploys a plugin.</summary>
    public static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            throw new DirectoryNotFoundException($"{from} is missing: build the solution first (dotnet build)");
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
