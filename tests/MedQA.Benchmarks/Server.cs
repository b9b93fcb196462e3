using System.Diagnostics;

namespace MedQA.Benchmarks;

/// <summary>
/// Runs MedQA's gateway as its own process, as it runs in production. Every process started here is stopped when the
/// benchmark ends, however it ends (done, an exception, Ctrl+C): a gateway left running would hold its port, and the
/// next run would measure it instead of the build it means to.
/// </summary>
internal static class Server
{
    // By id: the callers dispose their Process objects (`using var server = ...`) before the last StopAll runs, and a
    // disposed Process can neither say whether it exited nor be killed.
    private static readonly List<int> Started = [];

    static Server()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => StopAll();
        Console.CancelKeyPress += (_, _) => StopAll();
    }

    /// <summary>Stops every process this benchmark started that still runs.</summary>
    public static void StopAll()
    {
        lock (Started)
        {
            foreach (var id in Started)
            {
                try
                {
                    using var process = Process.GetProcessById(id);
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                        process.WaitForExit(5000);
                    }
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // it had exited meanwhile
                }
            }
            Started.Clear();
        }
    }

    /// <summary>Fails with a message when something already listens on the port (a gateway from an earlier run, say).</summary>
    public static void EnsurePortFree(int port)
    {
        using var probe = new System.Net.Sockets.TcpClient();
        try
        {
            probe.Connect(System.Net.IPAddress.Loopback, port);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return;
        }
        throw new BenchmarkSetupException($"port {port} is in use (a gateway left by an earlier run? `ss -ltnp | grep {port}` names it): stop it and run again");
    }

    /// <summary>Rate limits out of the way: the load comes from one address and would be throttled at 600/min.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unthrottled = new Dictionary<string, string>
    {
        ["MedQA__RateLimits__PartnerPerMinute"] = "100000000", ["MedQA__RateLimits__PublicPerMinute"] = "100000000",
    };

    /// <summary>The SQLite catalogue's connection string, generated into the file the first time.</summary>
    public static async Task<string> EnsureCatalogueAsync(string gateway, string database, BenchOptions options)
    {
        if (!File.Exists(database))
        {
            Console.WriteLine($"Generating the catalogue into {database} (once; reused by later runs)...");
            await Run(gateway, $"generate --questions {options.Questions} --seed {options.Seed} \"--ConnectionStrings:MedQA=Data Source={database}\"", quiet: false);
        }
        return $"Data Source={database}";
    }

    /// <summary>
    /// The PostgreSQL catalogue's connection string: the database <c>medqa_bench_{questions}_{seed}</c> on the server,
    /// generated the first time (made again when an earlier generation did not finish).
    /// </summary>
    public static async Task<string> EnsurePostgresCatalogueAsync(string gateway, string server, BenchOptions options)
    {
        var name = $"medqa_bench_{options.Questions}_{options.Seed}";
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await using var admin = new Npgsql.NpgsqlConnection(server);
        await admin.OpenAsync();
        await using (var exists = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{name}'", admin))
        {
            if ((long)(await exists.ExecuteScalarAsync())! == 1 && await QuestionCountAsync(connection) == options.Questions)
            {
                return connection;
            }
        }
        Console.WriteLine($"Generating the catalogue into the PostgreSQL database {name} (once; reused by later runs)...");
        await using (var create = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE); CREATE DATABASE \"{name}\"", admin))
        {
            await create.ExecuteNonQueryAsync();
        }
        Npgsql.NpgsqlConnection.ClearAllPools(); // the count above left a connection to the dropped database in the pool
        await Run(gateway, $"generate --questions {options.Questions} --seed {options.Seed} --MedQA:Database:Provider=Postgres \"--ConnectionStrings:MedQA={connection}\"", quiet: false);
        return connection;
    }

    private static async Task<long> QuestionCountAsync(string connection)
    {
        try
        {
            await using var db = new Npgsql.NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("""SELECT count(*) FROM "Questions" """, db);
            return (long)(await count.ExecuteScalarAsync())!;
        }
        catch (Npgsql.PostgresException)
        {
            return -1; // not migrated
        }
    }

    public static Process Start(string gateway, string arguments, string connection, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(gateway))
        {
            throw new BenchmarkSetupException($"{gateway} is missing: build first (dotnet build -c Release)");
        }
        // From its own folder, so it reads its appsettings.json (log levels) as it does when deployed.
        var info = new ProcessStartInfo("dotnet", $"{gateway} {arguments}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(gateway),
        };
        info.Environment["ConnectionStrings__MedQA"] = connection;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["MedQA__Samples__ImportWhenEmpty"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info)!;
        lock (Started)
        {
            Started.Add(process.Id);
        }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [server] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs a gateway verb and returns what it printed.</summary>
    public static async Task<string> Output(string gateway, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"{gateway} {arguments}")
        {
            RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(gateway),
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"'{arguments}' failed with exit code {process.ExitCode}:\n{output}");
    }

    public static async Task Run(string gateway, string arguments, bool quiet)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"{gateway} {arguments}")
        {
            RedirectStandardOutput = quiet, WorkingDirectory = Path.GetDirectoryName(gateway),
        })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{arguments}' failed with exit code {process.ExitCode}");
        }
    }

    public static async Task WaitAsync(HttpClient http, string url)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("MedQA did not start within 60 s");
    }
}

/// <summary>Something the benchmark needs is missing or in the way; the message says what, and no stack trace is shown.</summary>
internal sealed class BenchmarkSetupException(string message) : Exception(message);
