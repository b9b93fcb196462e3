using System.Net;
using System.Net.Http.Json;
using MedQA.Gateway.Partners;
using MedQA.Kernel.Data;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Partners;

public sealed class PartnerTests(PartnerFixture partners) : IClassFixture<PartnerFixture>
{
    private static readonly object Seed = new { slug = "facial-nerve-twitching" };

    private string Treatment => partners.Documents["treatment-summary"];

    [Fact]
    public async Task A_partner_fetches_the_treatment_summary_fragment_by_document_id()
    {
        var response = await partners.GetAsync(partners.PortalKey, Treatment, Seed);
        var body = await GraphQLClient.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Treatment options: medical evaluation", body.Data()["question"]!["treatments"]!["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_key_is_401_UNAUTHENTICATED()
    {
        var response = await partners.GetAsync("mqa_not-a-key", Treatment, Seed);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (await GraphQLClient.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task Without_a_key_a_partners_document_is_not_found()
    {
        // Requests without a key run the first-party apps' documents only.
        var response = await partners.GetAsync(null, Treatment, Seed);

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await GraphQLClient.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_never_read()
    {
        var response = await partners.Factory.CreateClient().GetAsync(
            $"/graphql?documentId={Uri.EscapeDataString(Treatment)}&{PartnerKeys.Header}={partners.PortalKey}&apiKey={partners.PortalKey}");

        // Read as a request without a key: the partner's document is not found among the public ones.
        var body = await GraphQLClient.ReadAsync(response);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", body.Code());
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task A_revoked_key_is_401()
    {
        var key = await partners.Admin.AddAsync("short-lived", []);
        await partners.Admin.AddDocumentsAsync("short-lived", [RepositoryRoot.File("samples", "partner-documents", "specialty-faqs.graphql")]);
        var before = await partners.GetAsync(key, partners.Documents["specialty-faqs"], new { specialty = "neurology" });

        await partners.Admin.RevokeAsync("short-lived");
        var after = await partners.GetAsync(key, partners.Documents["specialty-faqs"], new { specialty = "neurology" });

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Keys_are_stored_hashed()
    {
        await using var db = await partners.Factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        var stored = await db.Set<Partner>().SingleAsync(p => p.Name == "portal");

        Assert.Equal(PartnerKeys.Hash(partners.PortalKey), stored.KeyHash);
        Assert.DoesNotContain(partners.PortalKey[8..], stored.KeyHash + stored.KeyPrefix + stored.Origins);
    }

    [Fact]
    public async Task An_ad_hoc_query_from_a_partner_key_is_PERSISTED_QUERY_REQUIRED()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ specialties { name } }" }) };
        request.Headers.Add(PartnerKeys.Header, partners.PortalKey);

        var response = await partners.Factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PERSISTED_QUERY_REQUIRED", (await GraphQLClient.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task A_document_not_registered_for_this_partner_is_PERSISTED_QUERY_NOT_FOUND()
    {
        var unknown = await partners.GetAsync(partners.PortalKey, "sha256:" + new string('0', 64));
        var others = await partners.GetAsync(partners.OtherKey, Treatment, Seed);

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await GraphQLClient.ReadAsync(unknown)).Code());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await GraphQLClient.ReadAsync(others)).Code());
    }

    [Fact]
    public async Task A_GET_is_cacheable_with_a_strong_ETag_and_304_on_If_None_Match()
    {
        var first = await partners.GetAsync(partners.PortalKey, Treatment, Seed);
        var etag = first.Headers.ETag!;
        var again = await partners.GetAsync(partners.PortalKey, Treatment, Seed, r => r.Headers.IfNoneMatch.Add(etag));

        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_cacheable_GET_without_an_Origin_varies_by_Origin()
    {
        // Cached without CORS headers, it must not be what a shared cache gives the partner's browser.
        var response = await partners.GetAsync(partners.PortalKey, Treatment, Seed);

        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        Assert.Contains("Origin", response.Headers.Vary);
        Assert.Contains("X-Api-Key", response.Headers.Vary);
    }

    [Fact]
    public async Task Responses_with_errors_and_POSTs_are_not_cacheable()
    {
        var failed = await partners.GetAsync(partners.PortalKey, "sha256:" + new string('1', 64));
        var (post, _) = await partners.Factory.CreateClient().PostAsync("{ specialties { name } }");

        Assert.True(failed.Headers.CacheControl!.NoStore);
        Assert.Null(failed.Headers.ETag);
        Assert.True(post.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Content_that_moves_faster_gets_a_shorter_max_age()
    {
        var response = await partners.Factory.CreateClient().GetAsync("/graphql?query=" + Uri.EscapeDataString("{ search(query: \"facial\") { totalCount } }"));

        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.CacheControl!.MaxAge);
    }

    [Fact]
    public async Task A_partner_origin_gets_CORS_headers_and_other_origins_do_not()
    {
        var allowed = await partners.GetAsync(partners.PortalKey, Treatment, Seed, r => r.Headers.Add("Origin", "https://portal.example"));
        var other = await partners.GetAsync(partners.PortalKey, Treatment, Seed, r => r.Headers.Add("Origin", "https://evil.example"));
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://portal.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key");
        var preflightResponse = await partners.Factory.CreateClient().SendAsync(preflight);

        Assert.Equal("https://portal.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NoContent, preflightResponse.StatusCode);
        Assert.Equal("https://portal.example", preflightResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains(PartnerKeys.Header, preflightResponse.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Registering_an_invalid_document_names_the_file_and_line_and_registers_nothing()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "bad.graphql");
        await File.WriteAllTextAsync(file, "query Bad {\n  noSuchField\n}\n");

        var error = await Assert.ThrowsAsync<PartnerException>(() => partners.Admin.AddDocumentsAsync("other",
            [RepositoryRoot.File("samples", "partner-documents", "specialty-faqs.graphql"), file]));

        Assert.StartsWith($"{file}:2: ", error.Message);
        var faqs = await partners.GetAsync(partners.OtherKey, partners.Documents["specialty-faqs"], new { specialty = "neurology" });
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await GraphQLClient.ReadAsync(faqs)).Code());
    }
}
