using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MedQA.Replicas;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicaCollection
{
    public const string Name = "replicas";
}

/// <summary>
/// What two gateways on one database share through Redis: an import made by the CLI, a partner's rate limit, a
/// revoked key. "Within a second" is a deadline polled for; without Redis the import shows when the rankings expire
/// (30 s) and a key changes when the directory reloads (hourly here).
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaTests(ReplicaPair pair) : IClassFixture<ReplicaPair>
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task An_import_through_the_CLI_is_answered_by_both_gateways_within_a_second()
    {
        // Both rank "zebra" once and keep the ranking (no question has the word yet).
        Assert.Equal(new[] { 0, 0 }, await Task.WhenAll(ZebrasAsync(pair.A), ZebrasAsync(pair.B)));

        await pair.CliAsync("import", pair.PageFolder("zebra", Page("Striped zebra rash")));

        var answered = await WithinAsync(Second, async () => (await Task.WhenAll(ZebrasAsync(pair.A), ZebrasAsync(pair.B))).All(n => n == 1));
        Assert.True(answered, "both gateways find the imported page within a second");
    }

    [Fact]
    public async Task A_kept_GET_answer_is_shared_and_dropped_by_an_import_on_both_gateways()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("{ questions(first: 3) { nodes { title } } }");
        var before = await pair.A.Client.GetStringAsync(new Uri(pair.A.Address, url));
        Assert.Equal(before, await pair.B.Client.GetStringAsync(new Uri(pair.B.Address, url)));
        var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Environment.GetEnvironmentVariable("MEDQA_TEST_REDIS")!);
        Assert.NotEmpty(redis.GetServers()[0].Keys(pattern: "medqa:answers:*")); // kept in Redis for every gateway

        await pair.CliAsync("import", pair.PageFolder("leopard", Page("Spotted leopard rash")));

        var fresh = await WithinAsync(Second, async () =>
            (await pair.A.Client.GetStringAsync(new Uri(pair.A.Address, url))).Contains("Spotted leopard rash", StringComparison.Ordinal)
            && (await pair.B.Client.GetStringAsync(new Uri(pair.B.Address, url))).Contains("Spotted leopard rash", StringComparison.Ordinal));
        Assert.True(fresh, "both gateways answer the import within a second, not their kept answer");
        Assert.DoesNotContain("Spotted leopard rash", before);
    }

    [Fact]
    public async Task A_partners_rate_limit_holds_across_both_gateways_together()
    {
        await UntilWellInsideAMinuteAsync(); // everything below counts in one minute's window
        var (key, document) = await AddPartnerAsync("limited-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.True(await WithinAsync(Second, async () => await FragmentAsync(pair.A, key, document) == HttpStatusCode.OK
            && await FragmentAsync(pair.B, key, document) == HttpStatusCode.OK), "the new key works on both within a second");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < ReplicaPair.PartnerPerMinute; i++)
        {
            statuses.Add(await FragmentAsync(i % 2 == 0 ? pair.A : pair.B, key, document));
        }

        // 2 before, 18 more allowed, then refused on either gateway: one budget, not 20 per gateway.
        Assert.Equal(ReplicaPair.PartnerPerMinute - 2, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, await FragmentAsync(pair.A, key, document));
        Assert.Equal(HttpStatusCode.TooManyRequests, await FragmentAsync(pair.B, key, document));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_by_both_gateways_within_a_second()
    {
        var name = "revoked-" + Guid.NewGuid().ToString("N")[..8];
        var (key, document) = await AddPartnerAsync(name);
        Assert.True(await WithinAsync(Second, async () => await FragmentAsync(pair.A, key, document) == HttpStatusCode.OK
            && await FragmentAsync(pair.B, key, document) == HttpStatusCode.OK), "the new key works on both within a second");

        await pair.CliAsync("partners", "revoke", name);

        Assert.True(await WithinAsync(Second, async () => await FragmentAsync(pair.A, key, document) == HttpStatusCode.Unauthorized
            && await FragmentAsync(pair.B, key, document) == HttpStatusCode.Unauthorized), "both refuse the revoked key within a second");
    }

    private async Task<(string Key, string Document)> AddPartnerAsync(string name)
    {
        var key = Gateway.Key().Match(await pair.CliAsync("partners", "add", name)).Value;
        var documents = await pair.CliAsync("partners", "documents", name, Path.Combine(Root, "samples", "partner-documents", "treatment-summary.graphql"));
        return (key, Gateway.DocumentId().Match(documents).Value);
    }

    private static async Task<HttpStatusCode> FragmentAsync(Gateway gateway, string key, string document)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.Address,
            $"/graphql?documentId={document}&variables=%7B%22slug%22%3A%22facial-nerve-twitching%22%7D"));
        request.Headers.Add("X-Api-Key", key);
        using var response = await gateway.Client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<int> ZebrasAsync(Gateway gateway)
    {
        var response = await gateway.Client.PostAsJsonAsync(new Uri(gateway.Address, "/graphql"), new { query = """{ search(query: "zebra") { totalCount } }""" });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["data"]?["search"]?["totalCount"]?.GetValue<int>() ?? throw new InvalidOperationException(body.ToJsonString());
    }

    /// <summary>Polls until the condition holds or the time is up; true if it held in time.</summary>
    internal static async Task<bool> WithinAsync(TimeSpan time, Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + time;
        do
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < until);
        return false;
    }

    /// <summary>Waits for the next minute when this one ends within 20 s, so what follows stays in one rate window.</summary>
    private static async Task UntilWellInsideAMinuteAsync()
    {
        var now = DateTimeOffset.UtcNow;
        if (now.Second >= 40)
        {
            await Task.Delay(TimeSpan.FromSeconds(60 - now.Second) + TimeSpan.FromMilliseconds(200));
        }
    }

    private static string Page(string title) => $"""
        {title}: What It Means - Dermatology

        Share to:

        {title}

        I have a rash with stripes.

        Tester, 30~39 year old female. Ask Date: 2024/05/01

        Dr. Ada Test reply Dermatology

        Rest it for a week.

        Reply Date: 2024/05/02
        """;

    /// <summary>The repository: five folders above the gateway's binaries (src/Gateway/bin/Configuration/net10.0).</summary>
    private static string Root => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Gateway.Dll)!, "..", "..", "..", "..", ".."));
}
