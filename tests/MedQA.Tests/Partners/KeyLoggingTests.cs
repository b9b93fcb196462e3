using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MedQA.Tests.Partners;

public sealed class KeyLoggingTests(PartnerFixture partners) : IClassFixture<PartnerFixture>
{
    [Fact]
    public async Task No_log_line_carries_a_key_even_at_trace_level()
    {
        var capture = new CapturingLoggerProvider();
        using var logged = partners.Factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
            logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture)));
        foreach (var key in new[] { partners.PortalKey, "mqa_unknown-key-for-logging-test" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get,
                $"/graphql?documentId={Uri.EscapeDataString(partners.Documents["specialty-faqs"])}&variables=%7B%22specialty%22%3A%22neurology%22%7D");
            request.Headers.Add(MedQA.Gateway.Partners.PartnerKeys.Header, key);
            await logged.CreateClient().SendAsync(request);
        }

        Assert.NotEmpty(capture.Lines);
        Assert.DoesNotContain(capture.Lines, line => line.Contains(partners.PortalKey) || line.Contains("mqa_unknown-key-for-logging-test"));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
