using MedQA.Gateway.Cli;

namespace MedQA.Tests.Cli;

public sealed class CliProgressTests
{
    [Fact]
    public void Without_a_terminal_progress_is_a_plain_line_every_five_seconds()
    {
        var now = 0L;
        var output = new StringWriter();
        using (var progress = new CliProgress(output, bar: false, total: 100_000, () => now))
        {
            foreach (var (ms, done) in new[] { (1_000L, 5_000), (4_999L, 29_000), (5_000L, 30_000), (6_000L, 36_000), (10_000L, 60_000) })
            {
                now = ms;
                progress.Report(done);
            }
        }

        Assert.Equal(["30,000 of 100,000 pages, 6,000 pages/s", "60,000 of 100,000 pages, 6,000 pages/s"], output.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void On_a_terminal_a_bar_is_redrawn_in_place_and_cleared_at_the_end()
    {
        var now = 0L;
        var output = new StringWriter();
        using (var progress = new CliProgress(output, bar: true, total: 200, () => now))
        {
            now = 100;
            progress.Report(50);
            now = 150;
            progress.Report(60); // within 100 ms of the last draw: not drawn
            now = 200;
            progress.Report(100);
        }

        var draws = output.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, draws.Length);
        Assert.StartsWith("[########----------------------] 50 of 200 pages, 500 pages/s", draws[0]);
        Assert.StartsWith("[###############---------------] 100 of 200 pages, 500 pages/s", draws[1]);
        Assert.True(string.IsNullOrWhiteSpace(draws[2]));
        Assert.DoesNotContain('\n', output.ToString());
    }
}
