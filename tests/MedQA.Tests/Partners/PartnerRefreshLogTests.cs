using MedQA.Gateway.Partners;
using MedQA.Kernel.Data;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedQA.Tests.Partners;

/// <summary>An outage of the partner directory's database writes a handful of log lines, not one per reload.</summary>
public sealed class PartnerRefreshLogTests(PartnerFixture partners) : IClassFixture<PartnerFixture>
{
    [Fact]
    public async Task A_lasting_failure_is_logged_once_then_at_most_once_per_interval_and_the_recovery_is_said()
    {
        var database = new FlakyContexts(partners.Factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>()) { Failing = true };
        var capture = new LogCapture();
        using var logging = LoggerFactory.Create(builder => builder.AddProvider(capture));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MedQA:Partners:RefreshSeconds"] = "1" }).Build();
        using var refresh = new PartnerDirectoryRefresh(new PartnerDirectory(database), configuration, logging.CreateLogger<PartnerDirectoryRefresh>())
        {
            RepeatEvery = TimeSpan.FromSeconds(2.5),
        };

        await refresh.StartAsync(CancellationToken.None);
        await WaitUntil(() => database.Calls >= 6); // reloads at 0, 1, ..., 5 s: all fail
        database.Failing = false;
        await WaitUntil(() => capture.Lines.Any(l => l.Contains("works again", StringComparison.Ordinal)));
        await refresh.StopAsync(CancellationToken.None);

        var lines = capture.Lines.ToList();
        var error = Assert.Single(lines, l => l.Contains(" Error: ", StringComparison.Ordinal));
        Assert.Contains("Reloading the partner directory failed; the previous one stays in use", error);
        Assert.Contains("the test's database is away", error); // with the exception
        // Six failures in about 5 s, logged again every 2.5 s: one or two warnings, not five.
        var warnings = lines.Where(l => l.Contains(" Warning: ", StringComparison.Ordinal)).ToList();
        Assert.InRange(warnings.Count, 1, 2);
        Assert.All(warnings, w => Assert.Contains("still fails", w));
        var recovered = Assert.Single(lines, l => l.Contains("works again", StringComparison.Ordinal));
        Assert.Matches(@"after \d+ failed reloads", recovered);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }

    private sealed class FlakyContexts(IDbContextFactory<MedQaDbContext> inner) : IDbContextFactory<MedQaDbContext>
    {
        private int _calls;

        public volatile bool Failing;

        public int Calls => Volatile.Read(ref _calls);

        public MedQaDbContext CreateDbContext()
        {
            Interlocked.Increment(ref _calls);
            return Failing ? throw new InvalidOperationException("the test's database is away") : inner.CreateDbContext();
        }
    }
}
