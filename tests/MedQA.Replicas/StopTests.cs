using System.Net.Http.Json;

namespace MedQA.Replicas;

/// <summary>A gateway that dies takes nothing with it: the other serves on.</summary>
[Collection(ReplicaCollection.Name)]
public sealed class StopTests(ReplicaPair pair) : IClassFixture<ReplicaPair>
{
    [Fact]
    public async Task Stopping_one_gateway_mid_load_fails_no_request_on_the_other()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var failures = new List<string>();
        var served = 0;
        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await pair.B.Client.PostAsJsonAsync(new Uri(pair.B.Address, "/graphql"),
                        new { query = """{ question(slug: "facial-nerve-twitching") { title replies { body doctor { name } } } }""" });
                    var body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode || !body.Contains("Facial nerve twitching", StringComparison.Ordinal))
                    {
                        lock (failures) failures.Add($"{(int)response.StatusCode} {body}");
                    }
                    Interlocked.Increment(ref served);
                }
                catch (HttpRequestException e)
                {
                    lock (failures) failures.Add(e.Message);
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        pair.A.Kill();
        Assert.True(pair.A.HasExited);
        await Task.WhenAll(clients);

        Assert.Empty(failures);
        Assert.True(served > 20, $"B served {served} requests");
    }
}

/// <summary>Redis away: a gateway still starts and serves, says it is not ready, and counts rate limits itself.</summary>
[Collection(ReplicaCollection.Name)]
public sealed class RedisAwayTests(ReplicaPair pair) : IClassFixture<ReplicaPair>
{
    [Fact]
    public async Task A_gateway_whose_Redis_is_away_serves_reports_not_ready_and_limits_on_its_own()
    {
        using var alone = await Gateway.StartAsync("no-redis",
            [.. pair.SettingsWith("127.0.0.1:1"), "--MedQA:RateLimits:PublicPerMinute=2"], pair.Folder, probe: "/health/live");

        var ready = await alone.Client.GetAsync(new Uri(alone.Address, "/health/ready"));
        var statuses = new List<System.Net.HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await alone.Client.PostAsJsonAsync(new Uri(alone.Address, "/graphql"), new { query = """{ question(slug: "facial-nerve-twitching") { title } }""" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("Redis does not answer", await ready.Content.ReadAsStringAsync() + await File.ReadAllTextAsync(alone.Log));
        // The process's own window: two a minute for this address, then 429, with no wait for Redis.
        Assert.Equal([System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.TooManyRequests], statuses);
    }
}
