using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MedQA.Benchmarks;

internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Non2xx, string Errors, long Requests, TimeSpan ServerCpu = default)
{
    /// <summary>
    /// The serving process's CPU time per request, in microseconds: unlike req/s, it does not move with what else the
    /// shared machine is doing (wrk included), so it compares two runs made minutes apart.
    /// </summary>
    public double CpuPerRequestUs => Requests > 0 ? ServerCpu.TotalMicroseconds / Requests : double.NaN;

    /// <summary>Equal-length rounds as one result: the mean req/s, the median round's p50 and p99, every error.</summary>
    public static WrkResult Combine(IReadOnlyList<WrkResult> rounds) => new(
        rounds.Average(r => r.RequestsPerSecond),
        Median(rounds.Select(r => r.P50Ms)),
        Median(rounds.Select(r => r.P99Ms)),
        rounds.Sum(r => r.Non2xx),
        string.Join(" ", rounds.Select(r => r.Errors).Where(e => e.Length > 0)),
        rounds.Sum(r => r.Requests),
        rounds.Aggregate(TimeSpan.Zero, (total, r) => total + r.ServerCpu));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>Runs wrk (Debian package <c>wrk</c>) against a URL, with a Lua script for POST bodies, and reads its report.</summary>
internal static partial class Wrk
{
    /// <summary>Fails with a message when wrk is not installed, before anything is started.</summary>
    public static void EnsureInstalled()
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator) ?? [];
        if (!path.Any(folder => File.Exists(Path.Combine(folder, "wrk"))))
        {
            throw new BenchmarkSetupException("wrk is not installed: the benchmark drives MedQA with it (Debian: apt-get install wrk)");
        }
    }

    /// <summary>Runs wrk; with <paramref name="serverCpu"/>, also measures the CPU time the server spent meanwhile.</summary>
    public static async Task<WrkResult> RunAsync(string url, string? postJson, int seconds, int connections, Func<TimeSpan>? serverCpu = null)
    {
        string? script = null;
        if (postJson is not null)
        {
            script = Path.Combine(Path.GetTempPath(), $"medqa-bench-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(script, $"wrk.method = \"POST\"\nwrk.body = [==[{postJson}]==]\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
        }
        try
        {
            var arguments = $"-t2 -c{connections} -d{seconds}s --latency {(script is null ? "" : $"-s {script} ")}{url}";
            var cpuBefore = serverCpu?.Invoke() ?? TimeSpan.Zero;
            using var wrk = Process.Start(new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
                ?? throw new BenchmarkSetupException("wrk did not start: apt-get install wrk");
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var cpu = (serverCpu?.Invoke() ?? TimeSpan.Zero) - cpuBefore;
            return new WrkResult(
                double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                Percentile(output, "50"),
                Percentile(output, "99"),
                Non2xx().Match(output) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                SocketErrors().Match(output) is { Success: true } errors ? errors.Value : "",
                long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                cpu);
        }
        finally
        {
            if (script is not null)
            {
                File.Delete(script);
            }
        }
    }

    /// <summary>A latency percentile of wrk's <c>--latency</c> report, in ms.</summary>
    internal static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: .*")]
    private static partial Regex SocketErrors();
}
