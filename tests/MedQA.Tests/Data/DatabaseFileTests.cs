using MedQA.Plugins.Testing;
using MedQA.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MedQA.Tests.Data;

/// <summary>
/// The SQLite file moved away under a running gateway and put back: requests meanwhile get a clean
/// <c>DATABASE_UNAVAILABLE</c>, no empty database is made in its place, and the gateway serves again once it is back.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // a SQLite file moved away and back
public sealed class DatabaseFileTests : IDisposable
{
    private readonly TempFolder _folder = new("medqa-file-");

    [Fact]
    public async Task A_database_file_moved_away_and_back_is_unavailable_meanwhile_and_served_again_after()
    {
        var file = _folder.File("medqa.db");
        // No pooling: every request opens the file, as new connections do under load.
        using var host = new MedQaFactory().WithSetting("ConnectionStrings:MedQA", $"Data Source={file};Pooling=False");
        const string query = "{ questions(first: 1) { totalCount } }";
        Assert.Equal(1, (await host.QueryAsync(query))["data"]!["questions"]!["totalCount"]!.GetValue<int>());

        Move(file, file + ".away");
        var meanwhile = await host.QueryAsync(query);
        var created = File.Exists(file);
        Move(file + ".away", file);
        var after = await host.QueryAsync(query);

        Assert.Equal("DATABASE_UNAVAILABLE", meanwhile.Code());
        Assert.False(created, "an empty database was created where the catalogue was");
        Assert.Equal(1, after["data"]!["questions"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_outage_under_load_writes_a_few_lines_a_second_not_two_per_request()
    {
        var file = _folder.File("medqa.db");
        var log = new LogCapture();
        using var host = new LoggedFactory(log).WithSetting("ConnectionStrings:MedQA", $"Data Source={file};Pooling=False");
        const string query = "{ questions(first: 1) { totalCount } }";
        await host.QueryAsync(query);

        Move(file, file + ".away");
        log.Lines.Clear();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var codes = new List<string?>();
        for (var i = 0; i < 60; i++)
        {
            codes.Add((await host.QueryAsync(query)).Code());
        }
        // The budget's seconds are the clock's whole seconds: a loop shorter than one can still touch two of them.
        var seconds = (int)clock.Elapsed.TotalSeconds + 2;
        Move(file + ".away", file);

        Assert.All(codes, code => Assert.Equal("DATABASE_UNAVAILABLE", code));
        var lines = log.Lines.ToList();
        Assert.DoesNotContain(lines, line => line.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        // (The partner directory's refresh, every 5 s, may log its own failure meanwhile: one line per refresh.)
        var requests = lines.Where(line => line.StartsWith("MedQA.ServerErrors ", StringComparison.Ordinal)).ToList();
        Assert.All(requests, line => Assert.StartsWith("MedQA.ServerErrors Warning: DATABASE_UNAVAILABLE POST /graphql: ", line));
        Assert.All(requests, line => Assert.Contains($"the database file {file} cannot be opened", line)); // names the file
        Assert.InRange(requests.Count, 1, MedQA.Gateway.Http.LineBudget.LinesPerSecond * seconds);
        Assert.DoesNotContain(requests, line => line.Contains("   at ", StringComparison.Ordinal)); // an outage is not a bug: no stack traces
    }

    private sealed class LoggedFactory(LogCapture log) : MedQaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(log));
        }
    }

    private static void Move(string from, string to)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(from + suffix))
            {
                File.Move(from + suffix, to + suffix);
            }
        }
    }

    public void Dispose() => _folder.Dispose();
}
