using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MedQA.Benchmarks;

/// <summary>
/// Normal traffic (partner GETs, public pages) alone, then beside a stream of hostile requests for a few minutes, then
/// each hostile request alone on an idle gateway: reports normal traffic's p99 beside the hostile mix against its p99
/// alone (target at most 2x), the server CPU each hostile request costs (target at most 50 ms), the 5xx count (target
/// 0) and the peak memory; exit code 1 when a target is missed. With <c>--postgres</c> and <c>--redis</c> it runs two
/// gateways on one database and one Redis, each with its own pair of wrk.
/// </summary>
internal static class Soak
{
    public static async Task<int> RunAsync(BenchOptions options, string[] args)
    {
        Wrk.EnsureInstalled();
        var minutes = args.SkipWhile(a => a != "--minutes").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(3);
        var redis = args.SkipWhile(a => a != "--redis").Skip(1).FirstOrDefault();
        // Two gateways (--replicas N) on one PostgreSQL and one Redis, each with its own wrk; else one gateway.
        var replicas = options.Postgres is not null && redis is not null
            ? args.SkipWhile(a => a != "--replicas").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(2)
            : 1;
        var ports = Enumerable.Range(5401, replicas).ToList();
        ports.ForEach(Server.EnsurePortFree);
        var root = BenchOptions.RepositoryRoot();
        var gateway = Path.Combine(root, "src", "Gateway", "bin", BenchOptions.Configuration, "net10.0", "MedQA.Gateway.dll");
        var database = Path.Combine(Directory.CreateDirectory(Path.Combine(root, "data", "bench")).FullName, $"medqa-{options.Questions}-{options.Seed}.db");
        var connection = options.Postgres is { } postgres
            ? await Server.EnsurePostgresCatalogueAsync(gateway, postgres, options)
            : await Server.EnsureCatalogueAsync(gateway, database, options);
        var settings = new Dictionary<string, string>(Server.Unthrottled);
        var cli = $"\"--ConnectionStrings:MedQA={connection}\"";
        if (options.Postgres is not null)
        {
            settings["MedQA__Database__Provider"] = "Postgres";
            cli += " --MedQA:Database:Provider=Postgres";
        }
        if (redis is not null)
        {
            settings["ConnectionStrings__Redis"] = redis;
            cli += $" --ConnectionStrings:Redis={redis}";
        }
        var partner = $"soak-{DateTime.UtcNow:yyyyMMddHHmmss}";
        var key = (await Server.Output(gateway, $"partners add {partner} {cli}")).Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("mqa_", StringComparison.Ordinal));
        var documents = (await Server.Output(gateway, $"partners documents {partner} {Path.Combine(root, "samples", "partner-documents", "treatment-summary.graphql")} {Path.Combine(root, "samples", "partner-documents", "specialty-faqs.graphql")} {cli}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("sha256:", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]).ToList();

        var servers = ports.Select(port => Server.Start(gateway, $"--urls http://127.0.0.1:{port}", connection, settings)).ToList();
        using var http = new HttpClient();
        foreach (var port in ports)
        {
            await Server.WaitAsync(http, $"http://127.0.0.1:{port}/graphql?query=%7B__typename%7D");
        }
        var requests = Requests(key, documents[0], documents[1]);
        var normalScript = Path.Combine(Path.GetTempPath(), $"medqa-soak-normal-{Guid.NewGuid():N}.lua");
        var hostileScript = Path.Combine(Path.GetTempPath(), $"medqa-soak-hostile-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(normalScript, Script(requests.Where(r => !r.Hostile)));
        await File.WriteAllTextAsync(hostileScript, Script(requests.Where(r => r.Hostile)));

        // Normal traffic and hostile requests each get half the connections, so normal traffic's p99 with the hostile
        // mix beside it compares with its p99 alone at the same load.
        var connections = Math.Max(1, options.Connections / replicas / 2);
        var baselineSeconds = Math.Max(20, minutes * 20);
        Console.WriteLine($"Soak: {minutes} min of partner GETs and public queries beside hostile requests against {options.Questions} questions, " +
            (replicas == 1 ? "one gateway" : $"{replicas} gateways on one PostgreSQL and one Redis") + (redis is null ? "" : ", Redis " + redis) +
            $"; each gateway gets a wrk -t1 -c{connections} of normal traffic and one of hostile requests (10 s warm-up, then normal traffic alone for {baselineSeconds} s)");
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                foreach (var server in servers)
                {
                    server.Refresh();
                    peak = Math.Max(peak, server.WorkingSet64);
                }
                await Task.Delay(500);
            }
        });
        // Warm-up, not counted (tiered JIT, caches): both kinds of request, as in the run.
        await Task.WhenAll(ports.SelectMany(port => new[] { WrkAsync(port, normalScript, connections, 10), WrkAsync(port, hostileScript, connections, 10) }));
        var alone = await Task.WhenAll(ports.Select(port => WrkAsync(port, normalScript, connections, baselineSeconds)));
        var beside = await Task.WhenAll(ports.SelectMany(port => new[]
        {
            WrkAsync(port, normalScript, connections, minutes * 60), WrkAsync(port, hostileScript, connections, minutes * 60),
        }));
        await sampling.CancelAsync();
        await sampler;
        var cpu = await HostileCpuAsync(http, servers[0], $"http://127.0.0.1:{ports[0]}", requests.Where(r => r.Hostile).ToList());
        servers.ForEach(server => server.Kill(entireProcessTree: true));
        File.Delete(normalScript);
        File.Delete(hostileScript);

        var serverErrors = 0;
        var worstP99 = 0.0;
        for (var i = 0; i < replicas; i++)
        {
            var (baseline, normal, hostile) = (Report.Of(alone[i]), Report.Of(beside[2 * i]), Report.Of(beside[2 * i + 1]));
            serverErrors += baseline.ServerErrors + normal.ServerErrors + hostile.ServerErrors;
            var ratio = normal.P99Ms / baseline.P99Ms;
            worstP99 = Math.Max(worstP99, ratio);
            var at = replicas == 1 ? "" : $"gateway :{ports[i]}: ";
            Console.WriteLine($"  {at}normal traffic alone: {baseline.RequestsPerSecond:0} req/s, p99 {baseline.P99Ms:0.0} ms, 5xx {baseline.ServerErrors}");
            Console.WriteLine($"  {at}normal traffic beside hostile requests: {normal.RequestsPerSecond:0} req/s, p99 {normal.P99Ms:0.0} ms ({ratio:0.00}x alone; target <= 2x), 5xx {normal.ServerErrors}, {normal.Answers}");
            Console.WriteLine($"  {at}hostile requests: {hostile.RequestsPerSecond:0} req/s, 5xx {hostile.ServerErrors}, {hostile.Answers}");
        }
        Console.WriteLine("  server CPU per hostile request (each sent 100 times alone to an idle gateway; target <= 50 ms):");
        foreach (var (name, ms, status) in cpu)
        {
            Console.WriteLine($"    {name,-20} {ms,7:0.00} ms   HTTP {status}");
        }
        var worstCpu = cpu.Max(c => c.Milliseconds);
        Console.WriteLine($"  5xx responses in all: {serverErrors} (target 0); normal p99 beside hostile requests {worstP99:0.00}x alone (target <= 2x); " +
            $"most CPU for one hostile request {worstCpu:0.0} ms (target <= 50 ms); peak memory of a gateway {peak / (1024 * 1024)} MB");
        return serverErrors == 0 && worstP99 <= 2 && worstCpu <= 50 ? 0 : 1;
    }

    private static async Task<string> WrkAsync(int port, string script, int connections, int seconds)
    {
        using var wrk = Process.Start(new ProcessStartInfo("wrk", $"-t1 -c{connections} -d{seconds}s --latency -s {script} http://127.0.0.1:{port}")
        {
            RedirectStandardOutput = true,
        })!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        return output;
    }

    /// <summary>Each hostile request sent 100 times, one after the other, to an otherwise idle gateway: its server CPU per request.</summary>
    private static async Task<List<(string Name, double Milliseconds, int Status)>> HostileCpuAsync(
        HttpClient http, Process server, string url, List<SoakRequest> hostile)
    {
        const int times = 100; // process CPU time moves in 10 ms ticks: 0.1 ms resolution per request
        await Task.Delay(2000); // let the load's last requests and collections finish
        var results = new List<(string, double, int)>();
        foreach (var request in hostile)
        {
            var status = 0;
            server.Refresh();
            var before = server.TotalProcessorTime;
            for (var i = 0; i < times; i++)
            {
                using var message = new HttpRequestMessage(new HttpMethod(request.Method), url + request.Path);
                foreach (var (name, value) in request.Headers)
                {
                    message.Headers.TryAddWithoutValidation(name, value);
                }
                if (request.Body is not null)
                {
                    message.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(request.Body));
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                }
                using var response = await http.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
                status = (int)response.StatusCode;
            }
            server.Refresh();
            results.Add((request.Name, (server.TotalProcessorTime - before).TotalMilliseconds / times, status));
        }
        return results;
    }

    /// <summary>What one wrk run of the soak's script reported.</summary>
    private sealed record Report(double RequestsPerSecond, double P99Ms, int ServerErrors, string Answers)
    {
        public static Report Of(string output)
        {
            var rps = System.Text.RegularExpressions.Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value;
            var errors = System.Text.RegularExpressions.Regex.Match(output, @"^5xx: (\d+)", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
            return new Report(
                double.Parse(rps, CultureInfo.InvariantCulture), Wrk.Percentile(output, "99"),
                int.TryParse(errors, CultureInfo.InvariantCulture, out var n) ? n : 1, // no count read: count it as a failure
                System.Text.RegularExpressions.Regex.Match(output, @"^2xx/3xx: .*$", System.Text.RegularExpressions.RegexOptions.Multiline).Value);
        }
    }

    /// <summary>The soak's requests: normal traffic (partner GETs, the public pages) and the hostile ones.</summary>
    private static List<SoakRequest> Requests(string key, string treatmentId, string faqsId)
    {
        var json = new Dictionary<string, string>
        {
            ["list"] = Queries.Body(Queries.ListPage, new { after = (string?)null }),
            ["question"] = Queries.Body(Queries.QuestionPage, new { slug = "knee-pain-at-night" }),
            ["search"] = Queries.Body(Queries.SearchPage, new { q = "knee pain" }),
            ["junkSearch"] = Queries.Body(Queries.SearchPage, new { q = "\"NEAR( AND * ^ --" }),
            ["deep"] = Queries.Body("{ questions { nodes { replies { doctor { specialty { questions { nodes { replies { doctor { specialty { name } } } } } } } } } } }", new { }),
            ["aliases"] = Queries.Body("{ " + string.Join(' ', Enumerable.Range(0, 40).Select(i => $"a{i}: questions(first: 50) {{ nodes {{ title }} }}")) + " }", new { }),
            ["fanout"] = Queries.Body("{ specialties { questions(first: 50) { nodes { title similar(first: 20) { headline } replies { doctor { specialty { questions(first: 50) { nodes { title } } } } } } } } }", new { }),
            ["huge"] = Queries.Body("{ __typename }", new { pad = new string('x', 40 * 1024) }),
            ["fragmentFanOut"] = Queries.Body("{ questions(first: 1) { nodes { ...F24 } } } fragment F0 on Question { title } "
                + string.Join(' ', Enumerable.Range(1, 24).Select(i => $"fragment F{i} on Question {{ ...F{i - 1} ...F{i - 1} }}")), new { }),
            ["sameField"] = Queries.Body("{ questions(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("title ", 5000)) + "} } }", new { }),
            ["deeperSpread"] = Queries.Body("{ questions(first: 1) { nodes { ...D } } question(slug: \"knee-pain-at-night\") { similar { question { similar { question { similar { question { ...D } } } } } } } } fragment D on Question { similar { question { similar { question { title } } } } }", new { }),
            ["fragmentAliases"] = Queries.Body("{ " + string.Join(' ', Enumerable.Range(0, 6).Select(i => $"q{i}: question(slug: \"knee-pain-at-night\") {{ ...S }}"))
                + " } fragment S on Question { " + string.Join(' ', Enumerable.Range(0, 15).Select(i => $"s{i}: similar(first: 20) {{ headline }}")) + " }", new { }),
            ["mutation"] = Queries.Body("mutation { __typename }", new { }),
            ["nested"] = Queries.Body(string.Concat(Enumerable.Repeat("{a", 15_000)), new { }),
            ["prefixes"] = Queries.Body(Queries.SearchPage, new { q = string.Join(' ', Enumerable.Range('b', 24).Select(c => $"{(char)c}*")) }),
            ["nanCursor"] = Queries.Body("{ search(query: \"pain\", first: 2, after: \"" + System.Buffers.Text.Base64Url.EncodeToString("s|NaN|5"u8) + "\") { nodes { score } } }", new { }),
            ["loneSurrogate"] = """{"query":"{ __typename }","operationName":"\ud800"}""",
            ["brokenJson"] = """{ "not json""",
        };
        (string, string)[] partner = [("X-Api-Key", key)];
        SoakRequest Post(string name, bool hostile, params (string, string)[] headers) => new(name, hostile, "POST", "/graphql", headers, json[name]);
        var treatment = $"/graphql?documentId={treatmentId}&variables=%7B%22slug%22%3A%22knee-pain-at-night%22%7D";
        return
        [
            new("treatmentGet", false, "GET", treatment, partner, null),
            new("faqsGet", false, "GET", $"/graphql?documentId={faqsId}&variables=%7B%22specialty%22%3A%22neurology%22%7D", partner, null),
            Post("list", false), Post("question", false), new("treatmentGet", false, "GET", treatment, partner, null), Post("search", false), Post("list", false),
            .. new[]
            {
                "deep", "aliases", "fanout", "huge", "junkSearch", "fragmentFanOut", "sameField", "deeperSpread", "fragmentAliases", "mutation", "nested",
                "prefixes", "nanCursor", "loneSurrogate", "brokenJson",
            }.Select(name => Post(name, true)),
            new("unknownKey", true, "GET", $"/graphql?documentId={treatmentId}", [("X-Api-Key", "mqa_unknown")], null),
            Post("list", true, partner) with { Name = "partnerAdHoc" },
        ];
    }

    /// <summary>A wrk script that sends <paramref name="requests"/> in turn and counts 5xx, 4xx and the rest.</summary>
    private static string Script(IEnumerable<SoakRequest> requests)
    {
        var lines = requests.Select(r =>
            $"requests[#requests + 1] = wrk.format(\"{r.Method}\", \"{r.Path}\", {{{string.Join(", ", r.Headers.Select(h => $"[\"{h.Name}\"] = \"{h.Value}\"").Concat(r.Body is null ? [] : ["[\"Content-Type\"] = \"application/json\""]))}}}{(r.Body is null ? "" : $", [==[{r.Body}]==]")})");
        return $$"""
            -- built in init: wrk.format takes the Host header from wrk.headers, which is set only by then
            requests = {}
            local i = 0
            request = function()
              i = i % #requests + 1
              return requests[i]
            end
            local threads = {}
            setup = function(thread) table.insert(threads, thread) end
            init = function(args)
              server_errors = 0; ok = 0; refused = 0; other = 0
            {{string.Join('\n', lines)}}
            end
            response = function(status, headers, body)
              if status >= 500 then server_errors = server_errors + 1
              elseif status >= 400 then refused = refused + 1
              elseif status >= 200 then ok = ok + 1
              else other = other + 1 end
            end
            done = function(summary, latency, requests)
              local total, oks, refusals = 0, 0, 0
              for _, thread in ipairs(threads) do
                total = total + thread:get("server_errors")
                oks = oks + thread:get("ok")
                refusals = refusals + thread:get("refused")
              end
              io.write(string.format("5xx: %d\n", total))
              io.write(string.format("2xx/3xx: %d, 4xx (hostile requests refused): %d\n", oks, refusals))
            end
            """;
    }
}

/// <summary>One request of the soak: normal traffic or hostile.</summary>
internal sealed record SoakRequest(string Name, bool Hostile, string Method, string Path, (string Name, string Value)[] Headers, string? Body);
