using MedQA.Gateway.Data;

namespace MedQA.Benchmarks;

/// <summary>The hand-written endpoints' own minimal API host, on MedQA's database registration and the same file.</summary>
internal static class HandWrittenHost
{
    public static WebApplication Build(string connection, string url, string provider = "Sqlite")
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:MedQA"] = connection;
        builder.Configuration["MedQA:Database:Provider"] = provider;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMedQaDatabase(builder.Configuration);
        var app = builder.Build();
        app.Urls.Add(url);
        HandWrittenEndpoints.Map(app);
        return app;
    }

    /// <summary>Serves the endpoints on the benchmark's catalogue until stopped (Ctrl+C), for profiling them.</summary>
    public static async Task<int> ServeAsync(BenchOptions options, string[] args)
    {
        var at = Array.IndexOf(args, "--port");
        var port = at >= 0 && at + 1 < args.Length ? args[at + 1] : "5302";
        var database = Path.Combine(BenchOptions.RepositoryRoot(), "data", "bench", $"medqa-{options.Questions}-{options.Seed}.db");
        if (!File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"No catalogue at {database}: run the benchmark once to generate it.");
            return 1;
        }
        var app = Build($"Data Source={database}", $"http://127.0.0.1:{port}");
        Console.WriteLine($"Hand-written endpoints on http://127.0.0.1:{port}/hand/list and /hand/question?slug=...");
        await app.RunAsync();
        return 0;
    }
}
