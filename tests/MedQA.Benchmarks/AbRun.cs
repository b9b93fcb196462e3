using System.Globalization;

namespace MedQA.Benchmarks;

/// <summary>
/// Two builds of the gateway on the same catalogue, one page alternating between them: on this shared machine a
/// change of a few percent is lost in the drift between two back-to-back runs, but shows in alternating rounds.
/// Reports req/s and the server's CPU per request for each build, and B against A.
/// </summary>
internal static class AbRun
{
    public static async Task<int> RunAsync(BenchOptions options, string[] args)
    {
        Wrk.EnsureInstalled();
        Server.EnsurePortFree(5311);
        Server.EnsurePortFree(5313);
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault(fallback);
        var root = BenchOptions.RepositoryRoot();
        var b = Path.GetFullPath(Arg("--b", Path.Combine(root, "src", "Gateway", "bin", BenchOptions.Configuration, "net10.0")));
        var a = Arg("--a", "");
        if (a.Length == 0)
        {
            await Console.Error.WriteLineAsync("Usage: -- ab --a <folder of build A's MedQA.Gateway.dll> [--b <folder; default this checkout's build>] [--page list|question|search]");
            return 2;
        }
        var page = Arg("--page", "list");
        var database = Path.Combine(root, "data", "bench", $"medqa-{options.Questions}-{options.Seed}.db");
        await Server.EnsureCatalogueAsync(Path.Combine(b, "MedQA.Gateway.dll"), database, options);
        var body = page switch
        {
            "question" => Queries.Body(Queries.QuestionPage, new { slug = await SlugAsync(database) }),
            "search" => Queries.Body(Queries.SearchPage, new { q = "knee pain" }),
            _ => Queries.Body(Queries.ListPage, new { after = (string?)null }),
        };
        using var serverA = Server.Start(Path.Combine(Path.GetFullPath(a), "MedQA.Gateway.dll"), "--urls http://127.0.0.1:5311", $"Data Source={database}", Server.Unthrottled);
        using var serverB = Server.Start(Path.Combine(b, "MedQA.Gateway.dll"), "--urls http://127.0.0.1:5313", $"Data Source={database}", Server.Unthrottled);
        using var http = new HttpClient();
        (string Name, string Url, System.Diagnostics.Process Server)[] sides =
            [("A", "http://127.0.0.1:5311/graphql", serverA), ("B", "http://127.0.0.1:5313/graphql", serverB)];
        var answers = new List<string>();
        foreach (var (_, url, _) in sides)
        {
            await Server.WaitAsync(http, url + "?query=%7B__typename%7D");
            using var response = await http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            answers.Add(await response.Content.ReadAsStringAsync());
        }
        if (answers[0] != answers[1])
        {
            // A build output folder without the in-repo plugins (`dotnet build -o` puts them beside the source tree's
            // build, not in the -o folder) answers the question page without causes and treatments: not comparable.
            throw new BenchmarkSetupException($"A and B answer the {page} page differently ({answers[0].Length} and {answers[1].Length} characters): " +
                "is each folder a complete build, with its plugins/ folder?");
        }
        foreach (var (_, url, _) in sides)
        {
            await Wrk.RunAsync(url, body, options.Warmup, options.Connections);
        }
        Console.WriteLine($"A/B, {page} page: A {a}, B {b}; {options.Rounds} alternating rounds of {options.Seconds / options.Rounds} s");
        var rounds = sides.Select(_ => new List<WrkResult>()).ToArray();
        for (var round = 0; round < options.Rounds; round++)
        {
            for (var i = 0; i < sides.Length; i++)
            {
                var server = sides[i].Server;
                rounds[i].Add(await Wrk.RunAsync(sides[i].Url, body, Math.Max(1, options.Seconds / options.Rounds), options.Connections,
                    () => { server.Refresh(); return server.TotalProcessorTime; }));
            }
        }
        var results = rounds.Select(WrkResult.Combine).ToArray();
        for (var i = 0; i < sides.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {sides[i].Name}: {results[i].RequestsPerSecond,8:0} req/s   p50 {results[i].P50Ms,6:0.00} ms   server CPU {results[i].CpuPerRequestUs,5:0} us/req"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  B/A: throughput {results[1].RequestsPerSecond / results[0].RequestsPerSecond:0.000}x, CPU per request {results[1].CpuPerRequestUs / results[0].CpuPerRequestUs:0.000}x"));
        serverA.Kill(entireProcessTree: true);
        serverB.Kill(entireProcessTree: true);
        return 0;
    }

    private static async Task<string> SlugAsync(string database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Slug FROM Questions ORDER BY AskedOn DESC, Id DESC LIMIT 1 OFFSET (SELECT count(*) / 2 FROM Questions)";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
