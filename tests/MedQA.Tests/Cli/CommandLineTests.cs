using MedQA.Tests.Support;
using MedQA.Gateway.Cli;

namespace MedQA.Tests.Cli;

[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // the CLI started on SQLite files
public sealed class CommandLineTests
{
    [Fact]
    public void A_verbs_paths_are_not_read_as_configuration_but_its_options_are()
    {
        string[] args = ["import", "/tmp/pages", "--ConnectionStrings:MedQA=Data Source=/tmp/x.db", "more/pages"];

        Assert.True(CommandLine.IsCommand(args));
        Assert.Equal(["--ConnectionStrings:MedQA=Data Source=/tmp/x.db"], CommandLine.Options(args));
    }

    [Fact]
    public void Serving_is_not_a_verb()
    {
        Assert.False(CommandLine.IsCommand(["--urls", "http://localhost:6000"]));
        Assert.False(CommandLine.IsCommand([]));
    }

    [Fact]
    public async Task A_verb_writes_its_result_on_stdout_and_its_logs_on_stderr()
    {
        var folder = Directory.CreateTempSubdirectory("medqa-cli-").FullName;
        var gateway = Support.RepositoryRoot.File("src", "Gateway", "bin", Support.MedQaFactory.BuildConfiguration, "net10.0");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", "MedQA.Gateway.dll schema export")
        {
            WorkingDirectory = gateway, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__MedQA"] = $"Data Source={Path.Combine(folder, "medqa.db")}";
        start.Environment["MedQA__Samples__ImportWhenEmpty"] = "false";

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(File.ReadAllText(Support.RepositoryRoot.File("schema.graphql")).Trim(), (await stdout).Trim());
        Assert.Contains("Plugin causes-summary", await stderr); // the plugin catalogue still logs, on stderr
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Export_writes_the_pages_of_the_catalogue_and_refuses_a_bad_flag_by_name()
    {
        var folder = Directory.CreateTempSubdirectory("medqa-cli-").FullName;
        var database = $"--ConnectionStrings:MedQA=Data Source={Path.Combine(folder, "medqa.db")}";
        Assert.Equal(0, (await RunAsync(folder, "import", Support.RepositoryRoot.File("samples", "pages"), database)).ExitCode);

        var exported = await RunAsync(folder, "export", Path.Combine(folder, "out"), "--specialty", "Neurology", "--since=2015-08-26", database);
        var badDate = await RunAsync(folder, "export", Path.Combine(folder, "bad"), "--since", "yesterday", database);
        var badSpecialty = await RunAsync(folder, "export", Path.Combine(folder, "bad"), "--specialty=astrology", database);
        var intoAFile = await RunAsync(folder, "export", Path.Combine(folder, "medqa.db"), database);

        Assert.Equal(0, exported.ExitCode);
        Assert.StartsWith("1 pages exported, 0 failed, in ", exported.Stdout);
        Assert.Equal(["facial-nerve-twitching.txt"], Directory.GetFiles(Path.Combine(folder, "out")).Select(Path.GetFileName));
        Assert.Equal((2, "--since takes a date, YYYY-MM-DD, not 'yesterday'."), (badDate.ExitCode, badDate.Stderr.Trim()));
        Assert.Equal(2, badSpecialty.ExitCode);
        Assert.StartsWith("There is no specialty 'astrology'; give a name or slug: neurology.", badSpecialty.Stderr.Trim().Split('\n')[^1]);
        Assert.Equal((2, $"{Path.Combine(folder, "medqa.db")} is a file: export writes one file per question into a folder."),
            (intoAFile.ExitCode, intoAFile.Stderr.Trim().Split('\n')[^1]));
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string folder, params string[] args)
    {
        var gateway = Support.RepositoryRoot.File("src", "Gateway", "bin", Support.MedQaFactory.BuildConfiguration, "net10.0");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = gateway, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("MedQA.Gateway.dll");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["MedQA__Samples__ImportWhenEmpty"] = "false";
        start.Environment["PWD"] = folder;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
