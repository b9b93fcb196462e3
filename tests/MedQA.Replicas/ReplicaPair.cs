using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace MedQA.Replicas;

/// <summary>
/// Two gateways (<see cref="A"/>, <see cref="B"/>) started as `dotnet MedQA.Gateway.dll` on ports of their own, on one
/// scratch PostgreSQL database (on the server <c>MEDQA_TEST_POSTGRES</c> names, dropped at the end) and the Redis
/// <c>MEDQA_TEST_REDIS</c> names. Partners are reloaded only hourly here, so what reaches a gateway within a second
/// came through Redis; a partner key may make 20 requests a minute, counted across both.
/// </summary>
public class ReplicaPair : IAsyncLifetime
{
    public const int PartnerPerMinute = 20;

    private readonly string _server = Environment.GetEnvironmentVariable("MEDQA_TEST_POSTGRES") is { Length: > 0 } pg ? pg
        : throw new InvalidOperationException("MEDQA_TEST_POSTGRES is not set: start a cluster (tests/postgres/cluster.sh start <folder>) and set it to the string it prints");
    private readonly string _redis = Environment.GetEnvironmentVariable("MEDQA_TEST_REDIS") is { Length: > 0 } redis ? redis
        : throw new InvalidOperationException("MEDQA_TEST_REDIS is not set: start redis-server and set it to host:port");
    private readonly string _database = "medqa_replicas_" + Guid.NewGuid().ToString("N");
    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-replicas-").FullName;

    public Gateway A { get; private set; } = null!;

    public Gateway B { get; private set; } = null!;

    public string Connection => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    /// <summary>The settings both gateways and the CLI get, as `--key=value` arguments.</summary>
    public string[] Settings => SettingsWith(_redis);

    /// <summary>The settings, with another Redis.</summary>
    public string[] SettingsWith(string redis) =>
    [
        "--MedQA:Database:Provider=Postgres", $"--ConnectionStrings:MedQA={Connection}", $"--ConnectionStrings:Redis={redis}",
        "--MedQA:Partners:RefreshSeconds=3600", $"--MedQA:RateLimits:PartnerPerMinute={PartnerPerMinute}",
        "--MedQA:RateLimits:PublicPerMinute=1000000",
    ];

    public async Task InitializeAsync()
    {
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        A = await Gateway.StartAsync("a", Settings, _folder); // migrates the new database and imports the samples
        B = await Gateway.StartAsync("b", Settings, _folder);
    }

    /// <summary>Runs a CLI verb on the same database and Redis; returns its standard output, or throws with both outputs.</summary>
    public async Task<string> CliAsync(params string[] arguments)
    {
        var (code, output, errors) = await Gateway.RunAsync([.. arguments, .. Settings]);
        return code == 0 ? output : throw new InvalidOperationException($"`{string.Join(' ', arguments)}` exited {code}:\n{output}\n{errors}");
    }

    public string Folder => _folder;

    /// <summary>Writes a page file into a folder of its own and returns the folder.</summary>
    public string PageFolder(string name, string text)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        File.WriteAllText(Path.Combine(folder, name + ".txt"), text);
        return folder;
    }

    public async Task DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>One gateway process, its address and its log (kept in the pair's folder, shown when it does not start).</summary>
public sealed partial class Gateway : IDisposable
{
    private readonly Process _process;

    private Gateway(Process process, Uri address, string log)
    {
        _process = process;
        Address = address;
        Log = log;
    }

    public Uri Address { get; }

    public string Log { get; }

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public bool HasExited => _process.HasExited;

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string Dll
    {
        get
        {
            var folder = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(folder, "MedQA.sln")))
            {
                folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("MedQA.sln not found above " + AppContext.BaseDirectory);
            }
            return Path.Combine(folder, "src", "Gateway", "bin", Configuration, "net10.0", "MedQA.Gateway.dll");
        }
    }

    /// <summary>Starts a gateway and waits until it is ready (<paramref name="probe"/>: or only live).</summary>
    public static async Task<Gateway> StartAsync(string name, string[] settings, string folder, string probe = "/health/ready")
    {
        var port = FreePort();
        var log = Path.Combine(folder, $"gateway-{name}.log");
        var start = Start([.. settings, "--urls", $"http://127.0.0.1:{port}"]);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new Gateway(process, new Uri($"http://127.0.0.1:{port}"), log);
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                if ((await gateway.Client.GetAsync(new Uri(gateway.Address, probe))).StatusCode == HttpStatusCode.OK)
                {
                    return gateway;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        gateway.Dispose();
        string text;
        lock (writer)
        {
            text = File.ReadAllText(log);
        }
        throw new InvalidOperationException($"gateway {name} did not become ready:\n{text}");
    }

    public static async Task<(int Code, string Output, string Errors)> RunAsync(string[] arguments)
    {
        using var process = Process.Start(Start(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    private static ProcessStartInfo Start(string[] arguments)
    {
        // Started in its folder, as an operator starts a build: its appsettings.json is read from the content root.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(Dll)!,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Ends the process at once, as a crash or a lost machine would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        Client.Dispose();
    }

    [GeneratedRegex(@"mqa_\S+")]
    public static partial Regex Key();

    [GeneratedRegex(@"sha256:[0-9a-f]{64}")]
    public static partial Regex DocumentId();
}
