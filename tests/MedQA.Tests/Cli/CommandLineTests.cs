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
}
