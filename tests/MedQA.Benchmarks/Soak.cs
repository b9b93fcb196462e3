using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MedQA.Benchmarks;

/// <summary>
/// Drives a mix of partner GETs, public queries and hostile requests at a running MedQA for a few minutes, then
/// reports req/s, p99, the 5xx count (target 0) and the server's peak memory. With <c>--postgres</c> and
/// <c>--redis</c> it runs two gateways on one database and one Redis, each under its own wrk.
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
        var script = Path.Combine(Path.GetTempPath(), $"medqa-soak-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(key, documents[0], documents[1]));

        var connections = Math.Max(2, options.Connections / replicas);
        Console.WriteLine($"Soak: {minutes} min of partner GETs, public queries and hostile requests against {options.Questions} questions, " +
            (replicas == 1 ? $"one gateway (wrk -t2 -c{connections})" : $"{replicas} gateways on one PostgreSQL and one Redis (a wrk -t2 -c{connections} on each)")
            + (redis is null ? "" : ", Redis " + redis));
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
        var outputs = await Task.WhenAll(ports.Select(async port =>
        {
            using var wrk = Process.Start(new ProcessStartInfo("wrk", $"-t2 -c{connections} -d{minutes * 60}s --latency -s {script} http://127.0.0.1:{port}")
            {
                RedirectStandardOutput = true,
            })!;
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            return output;
        }));
        await sampling.CancelAsync();
        await sampler;
        servers.ForEach(server => server.Kill(entireProcessTree: true));
        File.Delete(script);

        var serverErrors = 0;
        for (var i = 0; i < replicas; i++)
        {
            var output = outputs[i];
            var rps = System.Text.RegularExpressions.Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value;
            var p99 = System.Text.RegularExpressions.Regex.Match(output, @"^\s+99%\s+(\S+)", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
            var errors = System.Text.RegularExpressions.Regex.Match(output, @"^5xx: (\d+)", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
            serverErrors += int.TryParse(errors, CultureInfo.InvariantCulture, out var n) ? n : 1;
            Console.WriteLine($"  {(replicas == 1 ? "" : $"gateway :{ports[i]}: ")}{rps} req/s, p99 {p99}, 5xx responses: {errors} (target 0)");
            Console.WriteLine("  " + System.Text.RegularExpressions.Regex.Match(output, @"^2xx/3xx: .*$", System.Text.RegularExpressions.RegexOptions.Multiline).Value);
        }
        Console.WriteLine($"  5xx responses in all: {serverErrors} (target 0), peak memory of a gateway {peak / (1024 * 1024)} MB");
        return serverErrors == 0 ? 0 : 1;
    }

    private static string Script(string key, string treatmentId, string faqsId)
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
        };
        string Post(string name, string headers = "") => $"requests[#requests + 1] = wrk.format(\"POST\", \"/graphql\", {{[\"Content-Type\"] = \"application/json\"{headers}}}, [==[{json[name]}]==])";
        string Get(string path, string headers) => $"requests[#requests + 1] = wrk.format(\"GET\", \"{path}\", {{{headers}}})";
        var partner = $"[\"X-Api-Key\"] = \"{key}\"";
        var lines = new List<string>
        {
            Get($"/graphql?documentId={treatmentId}&variables=%7B%22slug%22%3A%22knee-pain-at-night%22%7D", partner),
            Get($"/graphql?documentId={faqsId}&variables=%7B%22specialty%22%3A%22neurology%22%7D", partner),
            Post("list"), Post("question"),
            Get($"/graphql?documentId={treatmentId}&variables=%7B%22slug%22%3A%22knee-pain-at-night%22%7D", partner),
            Post("search"), Post("list"),
            Post("deep"), Post("aliases"), Post("fanout"), Post("huge"), Post("junkSearch"),
            Post("fragmentFanOut"), Post("sameField"), Post("deeperSpread"), Post("fragmentAliases"), Post("mutation"), Post("nested"),
            Post("prefixes"), Post("nanCursor"),
            "requests[#requests + 1] = wrk.format(\"POST\", \"/graphql\", {[\"Content-Type\"] = \"application/json\"}, '{\"query\":\"{ __typename }\",\"operationName\":\"\\\\ud800\"}')",
            "requests[#requests + 1] = wrk.format(\"POST\", \"/graphql\", {[\"Content-Type\"] = \"application/json\"}, '{ \"not json')",
            Get($"/graphql?documentId={treatmentId}", "[\"X-Api-Key\"] = \"mqa_unknown\""),
            Post("list", ", " + partner),
        };
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
