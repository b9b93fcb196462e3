using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MedQA.Benchmarks;

/// <summary>
/// Whether a plugin that blocks its thread can starve the server: ordinary question pages are measured alone, then
/// while forty requests keep a blocking plugin field in flight (the fixture plugin <c>tests/Fixtures/Blocking</c>:
/// <c>Thread.Sleep(10 s)</c> for <c>stall</c>, a 10 s CPU loop for <c>spin</c>; each request is sent again as soon as
/// it is answered; ordinary requests are measured from 250 ms after they were sent). It is the first ordinary requests
/// after the blocking ones arrive that starve when blocked calls hold the thread pool, so the figure is the slowest
/// ordinary request, not a median. The circuit breaker is set not to
/// open here: what is measured is the plugin's threads and budget, with every blocking call made.
/// </summary>
internal static class IsolationRun
{
    private const int Port = 5321;
    private const int Blockers = 40;
    private const int OrdinaryClients = 4;
    private const string Slug = "facial-nerve-twitching";

    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault(fallback);
        var seconds = int.Parse(Arg("--seconds", "15"), CultureInfo.InvariantCulture);
        var root = BenchOptions.RepositoryRoot();
        var gatewayFolder = Path.GetFullPath(Arg("--gateway", Path.Combine(root, "src", "Gateway", "bin", BenchOptions.Configuration, "net10.0")));
        var gateway = Path.Combine(gatewayFolder, "MedQA.Gateway.dll");
        var fixture = Path.Combine(root, "tests", "Fixtures", "Blocking", "bin", BenchOptions.Configuration, "net10.0");
        if (!File.Exists(Path.Combine(fixture, "Blocking.dll")))
        {
            throw new BenchmarkSetupException($"{fixture}/Blocking.dll is missing: build first (dotnet build -c {BenchOptions.Configuration})");
        }
        Server.EnsurePortFree(Port);
        var work = Directory.CreateTempSubdirectory("medqa-isolation-").FullName;
        try
        {
            var plugins = Path.Combine(work, "plugins");
            Copy(Path.Combine(gatewayFolder, "plugins"), plugins);
            Copy(fixture, Path.Combine(plugins, "Blocking"));
            using var server = Server.Start(gateway, $"--urls http://127.0.0.1:{Port}", $"Data Source={Path.Combine(work, "medqa.db")}",
                new Dictionary<string, string>(Server.Unthrottled)
                {
                    ["MedQA__Samples__ImportWhenEmpty"] = "true",
                    ["MedQA__Samples__Path"] = Path.Combine(root, "samples", "pages"),
                    ["MedQA__Plugins__Path"] = plugins,
                    ["MedQA__Plugins__Isolation__MinimumThroughput"] = "100000000", // the breaker stays closed
                    ["MedQA__GraphQL__Timeout"] = "00:01:00", // a starved request is measured, not cut off
                });
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var url = $"http://127.0.0.1:{Port}/graphql";
            await Server.WaitAsync(http, url + "?query=%7B__typename%7D");
            var ordinary = Queries.Body(Queries.QuestionPage, new { slug = Slug });
            // Warm-up: the ordinary page, and one blocking call of each kind (their code paths compiled before they are
            // measured), then the plugin's threads wake.
            await Load(http, url, ordinary, OrdinaryClients, TimeSpan.FromSeconds(5));
            await Task.WhenAll(new[] { "stall", "spin" }.Select(field => http.PostAsync(url, new StringContent(BlockingQuery(field), Encoding.UTF8, "application/json"))));
            await Task.Delay(TimeSpan.FromSeconds(11));

            Console.WriteLine($"Plugin isolation: {OrdinaryClients} clients asking for the question page, {seconds} s per phase; gateway {gateway}");
            var alone = await Load(http, url, ordinary, OrdinaryClients, TimeSpan.FromSeconds(seconds));
            Report("alone", alone, null);
            var results = new List<(string Field, Latencies Ordinary, Latencies Blocking)>();
            foreach (var field in new[] { "stall", "spin" })
            {
                var blocking = BlockingQuery(field);
                using var stop = new CancellationTokenSource();
                var blockers = Enumerable.Range(0, Blockers).Select(_ => Loop(http, url, blocking, stop.Token)).ToArray();
                // Measured from when they are in flight: a burst of forty requests arriving at once costs the first
                // ordinary request its share of two cores whatever the plugin does; what is measured is whether it
                // then waits for the blocked calls (before isolation, 17-21 s).
                await Task.Delay(TimeSpan.FromMilliseconds(250));
                var during = await Load(http, url, ordinary, OrdinaryClients, TimeSpan.FromSeconds(seconds));
                await stop.CancelAsync();
                var blocked = Latencies.Of((await Task.WhenAll(blockers)).SelectMany(l => l));
                Report($"with {Blockers} `{field}` requests in flight", during, alone);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    the {blocked.Count} `{field}` requests themselves: p50 {blocked.P50:0} ms, slowest {blocked.Max:0} ms"));
                results.Add((field, during, blocked));
                await Task.Delay(TimeSpan.FromSeconds(11)); // the plugin's threads wake before the next phase
            }
            var worst = results.Max(r => r.Ordinary.Max / alone.Max);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  slowest ordinary request with blocking requests in flight / alone: {worst:0.00}x (target <= 2x: {(worst <= 2 ? "met" : "NOT met")})"));
            return 0;
        }
        finally
        {
            Server.StopAll();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // the OS cleans its temp folder
            }
        }
    }

    private static string BlockingQuery(string field) =>
        Queries.Body($$"""query Blocking($slug: String!) { question(slug: $slug) { title {{field}} } }""", new { slug = Slug });

    private static void Report(string phase, Latencies ordinary, Latencies? alone)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  ordinary requests {phase}: {ordinary.Count} answered, p50 {ordinary.P50:0.0} ms, p99 {ordinary.P99:0.0} ms, slowest {ordinary.Max:0.0} ms, first {ordinary.First:0.0} ms");
        Console.WriteLine(alone is null ? line : line + string.Create(CultureInfo.InvariantCulture, $" (slowest {ordinary.Max / alone.Max:0.00}x alone)"));
    }

    /// <summary>Each client sends the request again as soon as it is answered, for <paramref name="duration"/>.</summary>
    private static async Task<Latencies> Load(HttpClient http, string url, string body, int clients, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var all = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Loop(http, url, body, stop.Token)));
        return Latencies.Of(all.SelectMany(l => l));
    }

    private static async Task<List<(long Start, double Ms)>> Loop(HttpClient http, string url, string body, CancellationToken stop)
    {
        var latencies = new List<(long, double)>();
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), CancellationToken.None);
            var answer = await response.Content.ReadAsStringAsync(CancellationToken.None);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {answer}");
            }
            latencies.Add((start, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
        }
        return latencies;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed record Latencies(int Count, double P50, double P99, double Max, double First)
    {
        public static Latencies Of(IEnumerable<(long Start, double Ms)> requests)
        {
            var all = requests.ToList();
            var sorted = all.Select(r => r.Ms).Order().ToArray();
            double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
            return new(sorted.Length, At(0.5), At(0.99), sorted.LastOrDefault(double.NaN), all.Count == 0 ? double.NaN : all.MinBy(r => r.Start).Ms);
        }
    }
}
