using System.Diagnostics;
using System.Text.Json.Nodes;
using MedQA.Gateway.Plugins;
using MedQA.Plugins.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MedQA.Tests.Support;

namespace MedQA.Tests.Plugins;

/// <summary>
/// A plugin that blocks its thread, keeps failing or is called too often costs its own fields and nothing else:
/// its code runs on its own threads, within one budget per request, behind a bulkhead and a circuit breaker
/// (the fixture plugin <c>tests/Fixtures/Blocking</c> blocks for 10 s on every call, ignoring cancellation).
/// </summary>
public sealed class PluginIsolationTests
{
    private const string Slug = "facial-nerve-twitching";
    private static readonly TimeSpan Blocks = TimeSpan.FromSeconds(10); // the fixture's Thread.Sleep and CPU loop

    [Theory]
    [InlineData("stall")] // Thread.Sleep
    [InlineData("spin")] // a CPU loop
    public async Task A_plugin_that_blocks_its_thread_is_answered_when_its_budget_ends_not_when_it_returns(string field)
    {
        using var factory = new FaultyPluginsFactory();
        await factory.QueryAsync("{ __typename }"); // the server started: the clock measures the request alone

        var clock = Stopwatch.StartNew();
        var body = await factory.QueryAsync($$"""{ question(slug: "{{Slug}}") { title {{field}} } }""");

        Assert.True(clock.Elapsed < Blocks / 2, $"answered after {clock.Elapsed}: the request waited for the plugin's blocked thread");
        Assert.Equal("Facial nerve twitching", body["data"]!["question"]!["title"]!.GetValue<string>());
        Assert.Null(body["data"]!["question"]![field]);
        Assert.Equal("PLUGIN_TIMEOUT", body.Code());
        Assert.Equal("blocking", body["errors"]![0]!["extensions"]!["plugin"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_plugin_has_one_budget_per_request_for_all_its_calls_not_one_per_field()
    {
        // Two nested calls of 2 s each: within a 3 s budget one at a time, not together (the second is cut off a
        // second before it would answer).
        using var factory = new FaultyPluginsFactory().WithSetting("MedQA:Plugins:TimeBudget", "00:00:03");

        var body = await factory.QueryAsync($$"""{ question(slug: "{{Slug}}") { pause { millis next { millis } } } }""");

        var pause = body["data"]!["question"]!["pause"]!;
        Assert.Equal(2000, pause["millis"]!.GetValue<int>());
        Assert.True(pause["next"] is null, body.ToJsonString());
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("PLUGIN_TIMEOUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(["question", "pause", "next"], error["path"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task A_plugin_whose_budget_is_spent_is_not_called_again_in_that_request()
    {
        using var guard = new PluginGuard(new LoadedPlugin { Name = "sleepy", Source = "test" }, new PluginIsolationOptions(), NullLogger.Instance);
        var request = new PluginBudgets(TimeSpan.FromMilliseconds(200));
        var calls = 0;

        var first = await Assert.ThrowsAsync<PluginError>(() => guard.RunAsync(async token =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(Timeout.Infinite, token);
            return 0;
        }, request, CancellationToken.None));
        var second = await Assert.ThrowsAsync<PluginError>(() => guard.RunAsync(_ =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(1);
        }, request, CancellationToken.None));

        Assert.Equal(PluginError.Timeout, first.Code);
        Assert.Equal(PluginError.Timeout, second.Code);
        Assert.Equal(1, calls);
        Assert.Equal(2, guard.Health.Timeouts);
        // The next request's own budget (ample: under a loaded test run 200 ms could pass before the call starts).
        Assert.Equal(1, await guard.RunAsync(_ => Task.FromResult(1), new PluginBudgets(TimeSpan.FromSeconds(10)), CancellationToken.None));
    }

    [Fact]
    public async Task After_repeated_failures_the_breaker_opens_and_the_plugin_is_not_called_while_the_others_are()
    {
        using var factory = new FaultyPluginsFactory()
            .WithSetting("MedQA:Plugins:Isolation:MinimumThroughput", "2")
            .WithSetting("MedQA:Plugins:Isolation:FailureRatio", "0.5")
            .WithSetting("MedQA:Plugins:Isolation:BreakDuration", "00:05:00");
        var query = $$"""{ question(slug: "{{Slug}}") { failing causes { summary } } }""";

        Assert.Equal("PLUGIN_FAILED", (await factory.QueryAsync(query)).Code());
        Assert.Equal("PLUGIN_FAILED", (await factory.QueryAsync(query)).Code());
        var body = await factory.QueryAsync(query);

        Assert.Equal("PLUGIN_UNAVAILABLE", body.Code());
        Assert.Null(body["data"]!["question"]!["failing"]);
        Assert.NotNull(body["data"]!["question"]!["causes"]); // another plugin, its own breaker
        var health = await HealthAsync(factory, "faulty");
        Assert.Equal("OPEN", health["breaker"]!.GetValue<string>());
        Assert.Equal(2, health["calls"]!.GetValue<long>()); // the third call was not made
        Assert.Equal(2, health["failures"]!.GetValue<long>());
        Assert.Equal(1, health["rejected"]!.GetValue<long>());
        Assert.Equal("PLUGIN_UNAVAILABLE", health["lastError"]!["code"]!.GetValue<string>());
        Assert.Equal("CLOSED", (await HealthAsync(factory, "causes-summary"))["breaker"]!.GetValue<string>());
    }

    [Fact]
    public async Task Calls_beyond_a_plugins_bulkhead_answer_PLUGIN_UNAVAILABLE_at_once()
    {
        // The first call holds the one slot for its whole 8 s budget (the plugin sleeps 10 s): room for a cold server's
        // first queries before the second call, and 2 s between the budget's end and the plugin's waking.
        using var factory = new FaultyPluginsFactory()
            .WithSetting("MedQA:Plugins:TimeBudget", "00:00:08")
            .WithSetting("MedQA:Plugins:Isolation:MaxConcurrentCalls", "1")
            .WithSetting("MedQA:Plugins:Isolation:MaxQueuedCalls", "0");
        var query = $$"""{ question(slug: "{{Slug}}") { stall } }""";

        var first = factory.QueryAsync(query); // holds the plugin's one slot until its budget ends
        while ((await HealthAsync(factory, "blocking"))["calls"]!.GetValue<long>() == 0)
        {
            await Task.Delay(20);
        }
        var second = await factory.QueryAsync(query);

        Assert.False(first.IsCompleted, "the first call should still hold the slot");
        Assert.Equal("PLUGIN_UNAVAILABLE", second.Code());
        Assert.Contains("too many calls in flight", second["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("PLUGIN_TIMEOUT", (await first).Code());
    }

    [Fact]
    public async Task A_healthy_isolated_plugin_reports_its_calls_and_what_its_code_allocated()
    {
        using var factory = new MedQaFactory().WithSetting("MedQA:Plugins:causes-summary:Trusted", "false");

        var body = await factory.QueryAsync($$"""{ question(slug: "{{Slug}}") { causes { summary } } }""");

        Assert.StartsWith("Common causes", body["data"]!["question"]!["causes"]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        var health = await HealthAsync(factory, "causes-summary");
        Assert.Equal(1, health["calls"]!.GetValue<long>());
        Assert.Equal(0, health["failures"]!.GetValue<long>() + health["timeouts"]!.GetValue<long>() + health["rejected"]!.GetValue<long>());
        Assert.Equal("CLOSED", health["breaker"]!.GetValue<string>());
        Assert.Null(health["lastError"]);
        Assert.True(health["allocatedBytes"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task MedQAs_own_plugins_are_trusted_by_the_shipped_settings_and_others_are_not()
    {
        using var factory = new FaultyPluginsFactory();

        var body = await factory.QueryAsync("{ plugins { name status trusted } }");

        var trusted = body["data"]!["plugins"]!.AsArray().Where(p => p!["status"]!.GetValue<string>() == "ACTIVE")
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["trusted"]!.GetValue<bool>());
        Assert.True(trusted["causes-summary"]);
        Assert.True(trusted["treatment-summary"]);
        Assert.False(trusted["blocking"]);
        Assert.False(trusted["faulty"]);
    }

    private static async Task<JsonNode> HealthAsync(MedQaPluginHost host, string plugin)
    {
        var body = await host.QueryAsync("{ plugins { name health { calls failures timeouts rejected breaker allocatedBytes lastError { code message at } } } }");
        return body["data"]!["plugins"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == plugin)!["health"]!;
    }
}
