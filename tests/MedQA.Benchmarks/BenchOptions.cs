using System.Globalization;

namespace MedQA.Benchmarks;

internal sealed record BenchOptions(int Questions, int Seed, int Seconds, int Rounds, int Warmup, int Connections, string? Postgres = null)
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static BenchOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }
        var postgres = Array.IndexOf(args, "--postgres") is var at && at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        return new BenchOptions(Value("--questions", 100_000), Value("--seed", 42), Value("--seconds", 20), Math.Max(1, Value("--rounds", 10)), Math.Max(10, Value("--warmup", 10)), Value("--connections", 16), postgres);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MedQA.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmark from the MedQA repository.");
    }
}
