using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Npgsql;

namespace MedQA.Replicas;

/// <summary>
/// PostgreSQL out of reach, as a network cut or a database restart looks to a gateway: its connections are closed and
/// new ones refused, then it comes back. Requests meanwhile answer DATABASE_UNAVAILABLE (not an internal error),
/// readiness says so, and the gateway serves again once the database is back.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class DatabaseOutageTests(ReplicaPair pair) : IClassFixture<ReplicaPair>
{
    [Fact]
    public async Task A_database_out_of_reach_is_DATABASE_UNAVAILABLE_and_served_again_when_it_is_back()
    {
        var server = new NpgsqlConnectionStringBuilder(pair.Connection);
        await using var link = await CuttableLink.StartAsync(server.Host!, server.Port);
        var throughLink = new NpgsqlConnectionStringBuilder(pair.Connection) { Host = "127.0.0.1", Port = link.Port }.ConnectionString;
        using var gateway = await Gateway.StartAsync("outage",
            [.. pair.Settings.Where(s => !s.StartsWith("--ConnectionStrings:MedQA=", StringComparison.Ordinal)), $"--ConnectionStrings:MedQA={throughLink}"],
            pair.Folder);
        Assert.Equal("Facial nerve twitching", await TitleAsync(gateway));

        link.Cut();
        var during = await AskAsync(gateway);
        var ready = await gateway.Client.GetAsync(new Uri(gateway.Address, "/health/ready"));
        link.Restore();

        Assert.Equal("DATABASE_UNAVAILABLE", during["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.True(await ReplicaTests.WithinAsync(TimeSpan.FromSeconds(5), async () => await TitleAsync(gateway) == "Facial nerve twitching"),
            "served again within 5 s of the database's return");
    }

    private static async Task<JsonNode> AskAsync(Gateway gateway)
    {
        var response = await gateway.Client.PostAsJsonAsync(new Uri(gateway.Address, "/graphql"),
            new { query = """{ question(slug: "facial-nerve-twitching") { title replies { body } } }""" });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<string?> TitleAsync(Gateway gateway) =>
        (await AskAsync(gateway))["data"]?["question"]?["title"]?.GetValue<string>();

    /// <summary>A TCP link to the database that the test can cut (every connection closed, new ones refused) and restore.</summary>
    private sealed class CuttableLink : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly string _host;
        private readonly int _port;
        private readonly List<TcpClient> _open = [];
        private readonly CancellationTokenSource _stop = new();
        private volatile bool _cut;

        private CuttableLink(string host, int port)
        {
            _host = host;
            _port = port;
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static Task<CuttableLink> StartAsync(string host, int port)
        {
            var link = new CuttableLink(host, port);
            link._listener.Start();
            _ = link.AcceptAsync();
            return Task.FromResult(link);
        }

        public void Cut()
        {
            _cut = true;
            lock (_open)
            {
                _open.ForEach(c => c.Close());
                _open.Clear();
            }
        }

        public void Restore() => _cut = false;

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                if (_cut)
                {
                    client.Close(); // refused, as a database that is down
                    continue;
                }
                _ = PipeAsync(client);
            }
        }

        private async Task PipeAsync(TcpClient client)
        {
            using var database = new TcpClient();
            try
            {
                await database.ConnectAsync(_host, _port);
                lock (_open)
                {
                    _open.Add(client);
                    _open.Add(database);
                }
                await Task.WhenAny(client.GetStream().CopyToAsync(database.GetStream()), database.GetStream().CopyToAsync(client.GetStream()));
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // cut
            }
            finally
            {
                client.Close();
            }
        }

        public ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            Cut();
            return ValueTask.CompletedTask;
        }
    }
}
