using MedQA.Gateway.Cli;

namespace MedQA.Tests.Cli;

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
}
