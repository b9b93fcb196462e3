using System.Diagnostics;

namespace MedQA.Gateway.Cli;

/// <summary>
/// The progress of a long verb (<c>import</c>, <c>generate</c>): a bar redrawn ten times a second when stdout is a
/// terminal, else a plain line on stderr every five seconds (a pipe or a log gets no control characters, and
/// stdout keeps only the result).
/// </summary>
public sealed class CliProgress : IDisposable
{
    private const int Width = 30;

    private readonly TextWriter _writer;
    private readonly bool _bar;
    private readonly int? _total;
    private readonly Func<long> _milliseconds;
    private readonly long _every;
    private long _next;
    private int _done;
    private bool _drawn;

    public CliProgress(TextWriter writer, bool bar, int? total, Func<long> milliseconds)
    {
        (_writer, _bar, _total, _milliseconds) = (writer, bar, total, milliseconds);
        _every = bar ? 100 : 5000;
        _next = _every;
    }

    /// <summary>For a verb run from a shell: the bar on stdout when it is a terminal, else lines on stderr.</summary>
    public static CliProgress ForConsole(int? total)
    {
        var clock = Stopwatch.StartNew();
        var bar = !Console.IsOutputRedirected;
        return new CliProgress(bar ? Console.Out : Console.Error, bar, total, () => clock.ElapsedMilliseconds);
    }

    /// <summary>Records how many pages are done; draws when it is time to.</summary>
    public void Report(int done)
    {
        _done = done;
        var now = _milliseconds();
        if (now < _next)
        {
            return;
        }
        _next = now + _every;
        var rate = now > 0 ? done * 1000.0 / now : 0;
        var of = _total is { } total ? $" of {total:N0}" : "";
        if (_bar)
        {
            var filled = _total is > 0 ? (int)Math.Round(Width * Math.Min(1.0, done / (double)_total.Value)) : 0;
            _writer.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {done:N0}{of} pages, {rate:N0} pages/s   ");
            _drawn = true;
        }
        else
        {
            _writer.WriteLine($"{done:N0}{of} pages, {rate:N0} pages/s");
        }
        _writer.Flush();
    }

    /// <summary>Clears the bar, so the verb's result line starts at the margin.</summary>
    public void Dispose()
    {
        if (_drawn)
        {
            _writer.Write("\r" + new string(' ', Width + 60) + "\r");
            _writer.Flush();
        }
    }
}
