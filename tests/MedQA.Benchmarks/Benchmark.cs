using System.Diagnostics;
using MedQA.Kernel.Data;
using MedQA.Questions;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Benchmarks;

/// <summary>
/// The README's benchmark: MedQA against the hand-written endpoints on one catalogue, each page against its twin in
/// alternating rounds, with ratios measured in the same run.
/// </summary>
internal static class Benchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        Wrk.EnsureInstalled();
        var root = BenchOptions.RepositoryRoot();
        var gateway = Path.Combine(root, "src", "Gateway", "bin", BenchOptions.Configuration, "net10.0", "MedQA.Gateway.dll");
        var data = Directory.CreateDirectory(Path.Combine(root, "data", "bench")).FullName;
        var database = Path.Combine(data, $"medqa-{options.Questions}-{options.Seed}.db");
        var provider = options.Postgres is null ? "Sqlite" : "Postgres";
        Console.WriteLine($"MedQA benchmark: {options.Questions} questions (seed {options.Seed}) on {provider}, wrk -t2 -c{options.Connections}, {options.Warmup} s warm-up + {options.Seconds} s per operation in {options.Rounds} alternating rounds, {BenchOptions.Configuration} build");

        var connection = options.Postgres is { } postgres
            ? await Server.EnsurePostgresCatalogueAsync(gateway, postgres, options)
            : await Server.EnsureCatalogueAsync(gateway, database, options);

        Server.EnsurePortFree(5301);
        Server.EnsurePortFree(5302);
        var server = Server.Start(gateway, "--urls http://127.0.0.1:5301", connection,
            new Dictionary<string, string>(Server.Unthrottled) { ["MedQA__Database__Provider"] = provider });
        var hand = HandWrittenHost.Build(connection, "http://127.0.0.1:5302", provider);
        await hand.StartAsync();
        using var http = new HttpClient();
        await Server.WaitAsync(http, "http://127.0.0.1:5301/graphql?query=%7B__typename%7D");

        var (slug, deepCursor) = await Pick(hand.Services);
        var listBody = Queries.Body(Queries.ListPage, new { after = (string?)null });
        var questionBody = Queries.Body(Queries.QuestionPage, new { slug });
        var deepBody = Queries.Body(Queries.ListPage, new { after = deepCursor });
        var searchBody = Queries.Body(Queries.SearchPage, new { q = "knee pain" });
        await SameBytes(http, listBody, "http://127.0.0.1:5302/hand/list", "list page");
        await SameBytes(http, questionBody, $"http://127.0.0.1:5302/hand/question?slug={Uri.EscapeDataString(slug)}", "question page");

        // Each page against its hand-written twin (and the deep page against the first) in alternating rounds, so a slow
        // spell of this shared machine lands on both sides of a ratio rather than on one: req/s over all rounds, p50/p99
        // the median round's, throughput ratios the median of the round pairs'.
        // The GraphQL server is its own process; the hand-written endpoints run in this one, which only waits for wrk meanwhile.
        var graphQLCpu = () => { server.Refresh(); return server.TotalProcessorTime; };
        var handCpu = () => Process.GetCurrentProcess().TotalProcessorTime;
        (string Name, string Url, string? Post, Func<TimeSpan> Cpu)[][] groups =
        [
            [
                ("question page: GraphQL", "http://127.0.0.1:5301/graphql", questionBody, graphQLCpu),
                ("question page: hand-written", $"http://127.0.0.1:5302/hand/question?slug={Uri.EscapeDataString(slug)}", null, handCpu),
            ],
            [
                ("list page: GraphQL", "http://127.0.0.1:5301/graphql", listBody, graphQLCpu),
                ("list page: hand-written", "http://127.0.0.1:5302/hand/list", null, handCpu),
                ("deep list page (after 10,000): GraphQL", "http://127.0.0.1:5301/graphql", deepBody, graphQLCpu),
            ],
            [("search page: GraphQL", "http://127.0.0.1:5301/graphql", searchBody, graphQLCpu)],
        ];
        var results = new List<(string Name, WrkResult Result)>();
        var roundsOf = new Dictionary<string, List<WrkResult>>();
        foreach (var group in groups)
        {
            foreach (var (_, url, post, _) in group)
            {
                await Wrk.RunAsync(url, post, options.Warmup, options.Connections); // tiered JIT, caches: not counted
            }
            var rounds = group.Select(_ => new List<WrkResult>()).ToArray();
            for (var round = 0; round < options.Rounds; round++)
            {
                for (var i = 0; i < group.Length; i++)
                {
                    rounds[i].Add(await Wrk.RunAsync(group[i].Url, group[i].Post, Math.Max(1, options.Seconds / options.Rounds), options.Connections, group[i].Cpu));
                }
            }
            for (var i = 0; i < group.Length; i++)
            {
                var result = WrkResult.Combine(rounds[i]);
                results.Add((group[i].Name, result));
                roundsOf[group[i].Name] = rounds[i];
                Console.WriteLine($"  {group[i].Name,-40} {result.RequestsPerSecond,9:0} req/s   p50 {result.P50Ms,7:0.00} ms   p99 {result.P99Ms,7:0.00} ms   server CPU {result.CpuPerRequestUs,5:0} us/req" +
                    (result.Non2xx > 0 ? $"   non-2xx {result.Non2xx}" : "") + (result.Errors.Contains("timeout") ? $"   {result.Errors}" : ""));
            }
        }

        WrkResult Of(string name) => results.Single(r => r.Name == name).Result;
        Console.WriteLine();
        foreach (var page in new[] { "question page", "list page" })
        {
            var graphQL = Of($"{page}: GraphQL");
            var limit = Of($"{page}: hand-written");
            // Each round of GraphQL against the hand-written round right after it: the machine's speed drifts between
            // minutes, and a pair of neighbouring rounds shares most of it. The median pair is the figure.
            var pairs = roundsOf[$"{page}: GraphQL"].Zip(roundsOf[$"{page}: hand-written"], (g, h) => g.RequestsPerSecond / h.RequestsPerSecond).Order().ToArray();
            var ratio = pairs.Length % 2 == 1 ? pairs[pairs.Length / 2] : (pairs[pairs.Length / 2 - 1] + pairs[pairs.Length / 2]) / 2;
            var p99 = graphQL.P99Ms / limit.P99Ms;
            var cpu = graphQL.CpuPerRequestUs / limit.CpuPerRequestUs;
            Console.WriteLine($"  {page}: GraphQL/hand-written throughput {ratio:0.00}x, median of {pairs.Length} round pairs ({pairs[0]:0.00}x-{pairs[^1]:0.00}x; all rounds together {graphQL.RequestsPerSecond / limit.RequestsPerSecond:0.00}x) (target >= 0.8x: {(ratio >= 0.8 ? "met" : "missed")}), p99 {p99:0.00}x (target <= 2x: {(p99 <= 2 ? "met" : "missed")}), server CPU per request {cpu:0.00}x");
        }
        var deep = Of("deep list page (after 10,000): GraphQL").P50Ms / Of("list page: GraphQL").P50Ms;
        Console.WriteLine($"  deep page p50 / first page p50: {deep:0.00}x (target <= 1.2x: {(deep <= 1.2 ? "met" : "missed")})");

        await hand.StopAsync();
        return 0;
    }


    private static async Task SameBytes(HttpClient http, string graphQLBody, string handUrl, string page)
    {
        var graphQL = await (await http.PostAsync("http://127.0.0.1:5301/graphql", new StringContent(graphQLBody, System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsByteArrayAsync();
        var hand = await http.GetByteArrayAsync(handUrl);
        if (!graphQL.AsSpan().SequenceEqual(hand))
        {
            var at = graphQL.AsSpan().CommonPrefixLength(hand);
            throw new InvalidOperationException($"The hand-written {page} differs from GraphQL's at byte {at}:\n  GraphQL: ...{Piece(graphQL, at)}\n  hand:    ...{Piece(hand, at)}");
        }
        Console.WriteLine($"  {page}: the hand-written endpoint returns the same {graphQL.Length} bytes as GraphQL");
    }

    private static string Piece(byte[] bytes, int at) => System.Text.Encoding.UTF8.GetString(bytes, Math.Max(0, at - 60), Math.Min(120, bytes.Length - Math.Max(0, at - 60)));

    private static async Task<(string Slug, string DeepCursor)> Pick(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        var ordered = db.Set<Question>().OrderByDescending(q => q.AskedOn).ThenByDescending(q => q.Id);
        var count = await ordered.CountAsync();
        var deep = await ordered.Skip(Math.Min(10_000, count - 1) - 1).Select(q => new { q.AskedOn, q.Id }).FirstAsync();
        var slug = await ordered.Skip(count / 2).Select(q => q.Slug).FirstAsync();
        return (slug, HandWrittenEndpoints.Cursor(deep.AskedOn, deep.Id));
    }
}
