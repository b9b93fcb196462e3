using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MedQA.Tests.Support;

/// <summary>Keeps the log lines of the categories it is given (all when none), as "category level: message", the exception after.</summary>
public sealed class LogCapture(params string[] categories) : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => categories.Length == 0 || categories.Contains(categoryName)
        ? new Logger(this, categoryName)
        : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>The lines' messages alone (the category and level left out).</summary>
    public List<string> Messages => Lines.Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]).ToList();

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)}" + (exception is null ? "" : "\n   at " + exception));
            }
        }
    }
}
