using System.Collections.Concurrent;
using MedQA.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MedQA.Tests.Http;

/// <summary>A client error is one log line (no stack trace), and a flood of them is a line a second with a count.</summary>
public sealed class ClientErrorLogTests
{
    [Fact]
    public async Task Each_client_error_is_one_line_and_a_flood_is_counted_not_written()
    {
        using var factory = new LoggedFactory();
        var client = factory.CreateClient();

        await client.PostAsync("{ nope }");
        var bad = new StringContent("{bad json", System.Text.Encoding.UTF8, "application/json");
        await client.PostAsync("/graphql", bad);
        var lines = factory.Lines.ToList();

        Assert.Equal(2, lines.Count);
        Assert.Matches("^400 FIELDS_ON_CORRECT_TYPE POST /graphql: Cannot query field 'nope' on type 'Query'", lines[0]);
        Assert.StartsWith("400 BAD_REQUEST POST /graphql: ", lines[1]);
        Assert.All(lines, line => Assert.DoesNotContain("   at ", line)); // no stack trace
    }

    [Fact]
    public void A_flood_is_ten_lines_a_second_and_the_next_line_counts_the_rest()
    {
        var lines = new ConcurrentQueue<string>();
        var second = 100L;
        var log = new MedQA.Gateway.Http.ClientErrorLog(LoggerFactory.Create(b => b.AddProvider(new Capture(lines))), () => second);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Path = "/graphql";

        for (var i = 0; i < 25; i++)
        {
            log.Write(http, 400, "BAD_REQUEST", "The request body must be a JSON object with a 'query' string.");
        }
        second++;
        log.Write(http, 400, "BAD_REQUEST", "The request body must be a JSON object with a 'query' string.");

        Assert.Equal(11, lines.Count);
        Assert.EndsWith("string. (15 more client errors were not logged)", lines.Last());
    }

    private sealed class LoggedFactory : MedQaFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new Capture(Lines)));
        }
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == "MedQA.ClientErrors" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + (exception is null ? "" : "\n   at " + exception));

        public void Dispose()
        {
        }
    }
}
