namespace MedQA.Gateway.Http;

/// <summary>
/// One log line per client error (category <c>MedQA.ClientErrors</c>, Information): status, code, method, path and
/// the message, never a stack trace or the request's text. At most <see cref="LinesPerSecond"/> lines a second: a
/// client sending thousands of bad requests costs the log a line each second saying how many were not logged.
/// </summary>
public sealed class ClientErrorLog(ILoggerFactory loggers, Func<long> seconds)
{
    public const int LinesPerSecond = 10;

    public ClientErrorLog(ILoggerFactory loggers)
        : this(loggers, () => Environment.TickCount64 / 1000)
    {
    }

    private readonly ILogger _log = loggers.CreateLogger("MedQA.ClientErrors");
    private readonly Lock _lock = new();
    private long _second;
    private int _lines;
    private int _suppressed;

    public void Write(HttpContext http, int status, string? code, string message)
    {
        if (!_log.IsEnabled(LogLevel.Information))
        {
            return;
        }
        int suppressed;
        lock (_lock)
        {
            var second = seconds();
            if (second != _second)
            {
                (_second, _lines) = (second, 0);
            }
            if (++_lines > LinesPerSecond)
            {
                _suppressed++;
                return;
            }
            (suppressed, _suppressed) = (_suppressed, 0);
        }
        _log.LogInformation("{Status} {Code} {Method} {Path}: {Message}{Suppressed}", status, code ?? "-", http.Request.Method, http.Request.Path.Value,
            message.Length <= 200 ? message : message[..197] + "...", suppressed > 0 ? $" ({suppressed} more client errors were not logged)" : "");
    }
}
