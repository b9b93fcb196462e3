using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MedQA.Gateway.Partners;
using MedQA.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Http;

/// <summary>
/// A first-party app's trusted documents: registered from the manifest GraphQL Code Generator's client preset writes,
/// run by hash on the public endpoint in the shapes clients send (documentId; Apollo's and urql's
/// extensions.persistedQuery), over GET and POST; with TrustedDocumentsOnly, nothing else runs.
/// </summary>
public sealed class TrustedDocumentTests : IDisposable
{
    private const string Titles = "query Titles($first: Int) { questions(first: $first) { nodes { title } } }";
    private const string Specialties = "query Specialties { specialties { name } }";

    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-apps-").FullName;

    [Fact]
    public async Task Registered_documents_run_by_documentId_and_by_persisted_query_hash_over_POST_and_GET()
    {
        using var factory = new MedQaFactory();
        await RegisterAsync(factory);
        var client = factory.CreateClient();
        var apq = new { persistedQuery = new { version = 1, sha256Hash = Hash(Titles) } };

        var byId = await PostAsync(client, new { documentId = "sha256:" + Hash(Titles), variables = new { first = 1 } });
        var byApq = await PostAsync(client, new { extensions = apq, variables = new { first = 1 } });
        var get = await client.GetAsync("/graphql?variables=" + Uri.EscapeDataString("""{"first":1}""") + "&extensions=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(apq)));
        var unknown = await PostAsync(client, new { extensions = new { persistedQuery = new { version = 1, sha256Hash = new string('0', 64) } } });

        Assert.Equal("Facial nerve twitching", byId.Body.Data()["questions"]!["nodes"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(byId.Body.ToJsonString(), byApq.Body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("public, max-age=60", get.Headers.CacheControl!.ToString());
        Assert.Equal(byId.Body.ToJsonString(), (await GraphQLClient.ReadAsync(get)).ToJsonString());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", unknown.Body.Code()); // Apollo and urql then send the query itself
    }

    [Fact]
    public async Task A_persisted_query_hash_that_is_not_the_querys_is_refused()
    {
        using var factory = new MedQaFactory();

        var (response, body) = await PostAsync(factory.CreateClient(),
            new { query = Specialties, extensions = new { persistedQuery = new { version = 1, sha256Hash = Hash(Titles) } } });

        Assert.Equal((HttpStatusCode.BadRequest, "BAD_REQUEST"), (response.StatusCode, body.Code()));
    }

    [Fact]
    public async Task With_trusted_documents_only_an_ad_hoc_query_is_refused_and_a_registered_one_runs()
    {
        using var factory = (MedQaFactory)new MedQaFactory().WithSetting("MedQA:GraphQL:TrustedDocumentsOnly", "true");
        await RegisterAsync(factory);
        var client = factory.CreateClient();

        var (adHocResponse, adHoc) = await client.PostAsync("{ specialties { name } }");
        var (_, registeredText) = await client.PostAsync(Specialties);
        var byHash = await PostAsync(client, new { documentId = "sha256:" + Hash(Specialties) });

        Assert.Equal((HttpStatusCode.BadRequest, "PERSISTED_QUERY_REQUIRED"), (adHocResponse.StatusCode, adHoc.Code()));
        Assert.Equal("Neurology", registeredText.Data()["specialties"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(registeredText.ToJsonString(), byHash.Body.ToJsonString());
    }

    [Fact]
    public async Task A_manifest_entry_whose_hash_is_not_its_documents_is_named_and_nothing_is_registered()
    {
        using var factory = new MedQaFactory();
        var manifest = Path.Combine(_folder, "persisted-documents.json");
        await File.WriteAllTextAsync(manifest, new JsonObject { [Hash(Specialties)] = Specialties, [new string('a', 64)] = Titles }.ToJsonString());
        var admin = factory.Services.GetRequiredService<PartnerAdmin>();

        var error = await Assert.ThrowsAsync<PartnerException>(() => admin.AddAppDocumentsAsync("web", [manifest]));

        Assert.Equal($"{manifest} [{new string('a', 64)}]: the hash is not the SHA-256 of its document (sha256:{Hash(Titles)})", error.Message);
        Assert.Empty(await admin.ListAppsAsync());
    }

    /// <summary>Registers the two documents as a client-preset manifest: hex SHA-256 of each document's text to the text.</summary>
    private async Task RegisterAsync(MedQaFactory factory)
    {
        var manifest = Path.Combine(_folder, "persisted-documents.json");
        await File.WriteAllTextAsync(manifest, new JsonObject { [Hash(Titles)] = Titles, [Hash(Specialties)] = Specialties }.ToJsonString());
        var added = await factory.Services.GetRequiredService<PartnerAdmin>().AddAppDocumentsAsync("web", [manifest]);
        Assert.Equal(2, added.Count);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/graphql", body);
        return (response, await GraphQLClient.ReadAsync(response));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
