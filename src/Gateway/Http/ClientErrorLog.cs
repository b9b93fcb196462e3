namespace MedQA.Gateway.Http;

/// <summary>
/// One log line per client error (category <c>MedQA.ClientErrors</c>, Information): status, code, method, path and
/// the message, never a stack trace or the request's text. At most <see cref="LineBudget.LinesPerSecond"/> lines a
/// second: a client sending thousands of bad requests costs the log a line each second saying how many were not logged.
/// </summary>
public sealed class ClientErrorLog(ILoggerFactory loggers, Func<long> seconds)
{
    public ClientErrorLog(ILoggerFactory loggers)
        : this(loggers, LineBudget.Clock)
    {
    }

    private readonly ILogger _log = loggers.CreateLogger("MedQA.ClientErrors");
    private readonly LineBudget _budget = new(seconds);

    public void Write(HttpContext http, int status, string? code, string message)
    {
        if (!_log.IsEnabled(LogLevel.Information) || _budget.Take() is not { } suppressed)
        {
            return;
        }
        _log.LogInformation("{Status} {Code} {Method} {Path}: {Message}{Suppressed}", status, code ?? "-", http.Request.Method, http.Request.Path.Value,
            message.Length <= 200 ? message : message[..197] + "...", suppressed > 0 ? $" ({suppressed} more client errors were not logged)" : "");
    }
}

/// <summary>
/// Server faults met while answering (category <c>MedQA.ServerErrors</c>): an unexpected exception is an Error with
/// its stack trace; a database out of reach a Warning with its message (every request fails the same way until it is
/// back). At most <see cref="LineBudget.LinesPerSecond"/> lines a second, the next line counting those left out, so an
/// outage under load writes lines a second, not a line per request.
/// </summary>
public sealed class ServerErrorLog(ILoggerFactory loggers, Func<long> seconds)
{
    public ServerErrorLog(ILoggerFactory loggers)
        : this(loggers, LineBudget.Clock)
    {
    }

    private readonly ILogger _log = loggers.CreateLogger("MedQA.ServerErrors");
    private readonly LineBudget _budget = new(seconds);

    public void Write(HttpContext http, string code, Exception exception)
    {
        var unavailable = code == Schema.MedQaErrorInfoProvider.DatabaseUnavailable;
        if (!_log.IsEnabled(unavailable ? LogLevel.Warning : LogLevel.Error) || _budget.Take() is not { } suppressed)
        {
            return;
        }
        var more = suppressed > 0 ? $" ({suppressed} more server errors were not logged)" : "";
        if (unavailable)
        {
            _log.LogWarning("{Code} {Method} {Path}: {Message}{Suppressed}", code, http.Request.Method, http.Request.Path.Value, Unavailable(exception).Message, more);
        }
        else
        {
            _log.LogError(exception, "{Code} {Method} {Path}: {Message}{Suppressed}", code, http.Request.Method, http.Request.Path.Value, exception.Message, more);
        }
    }

    /// <summary>What says why the database is out of reach: MedQA's own word when it has one (it names the file), else the driver's.</summary>
    private static Exception Unavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Data.DatabaseUnavailableException)
            {
                return e;
            }
        }
        return exception.GetBaseException();
    }
}

/// <summary>At most <see cref="LinesPerSecond"/> log lines a second, counting those refused until the next one is written.</summary>
public sealed class LineBudget(Func<long> seconds)
{
    public const int LinesPerSecond = 10;

    /// <summary>Whole seconds of the process's monotonic clock.</summary>
    public static long Clock() => Environment.TickCount64 / 1000;

    private readonly Lock _lock = new();
    private long _second;
    private int _lines;
    private int _suppressed;

    /// <summary>Null when the second's lines are spent (the line is counted); else how many were left out before it.</summary>
    public int? Take()
    {
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
                return null;
            }
            var suppressed = _suppressed;
            _suppressed = 0;
            return suppressed;
        }
    }
}
