using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>The GraphQL-over-HTTP rules of the endpoint (the full spec audit runs in .ci/run).</summary>
public sealed class TransportTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    [Fact]
    public async Task A_query_over_GET_answers_in_the_accepted_media_type()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ specialties { name } }"));
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponse);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLClient.GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Neurology", (await GraphQLClient.ReadAsync(response)).Data()["specialties"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_an_Accept_header_the_answer_is_application_json()
    {
        var response = await factory.CreateClient().GetAsync("/graphql?query=" + Uri.EscapeDataString("{ __typename }"));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_mutation_over_GET_is_405_with_Allow_POST()
    {
        var response = await factory.CreateClient().GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { anything }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", (await GraphQLClient.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task An_unacceptable_Accept_header_is_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ __typename }"));
        request.Headers.Accept.ParseAdd("text/html");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=latin1")]
    public async Task A_POST_that_is_not_UTF8_JSON_is_415(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"query":"{ __typename }"}"""));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await factory.CreateClient().PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "query": "{ __typename """)]
    [InlineData("""[{ "query": "{ __typename }" }]""")]
    [InlineData("""{ "qeury": "{ __typename }" }""")]
    [InlineData("""{ "query": "{ __typename }", "variables": "x" }""")]
    public async Task A_malformed_request_is_400_BAD_REQUEST_without_data(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        var response = await factory.CreateClient().SendAsync(request);
        var body = await GraphQLClient.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", body.Code());
        Assert.False(body.AsObject().ContainsKey("data"));
    }

    [Theory]
    [InlineData("{ question(slug: ", GraphQLClient.GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("{ noSuchField }", GraphQLClient.GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("{ noSuchField }", "application/json", HttpStatusCode.OK)]
    public async Task A_document_that_fails_to_parse_or_validate_is_400_for_graphql_response_json(
        string query, string accept, HttpStatusCode expected)
    {
        var (response, body) = await factory.CreateClient().PostAsync(query, accept: accept);

        Assert.Equal(expected, response.StatusCode);
        Assert.NotNull(body["errors"]);
        Assert.False(body.AsObject().ContainsKey("data"));
    }

    [Fact]
    public async Task Text_is_returned_exactly_as_stored_json_escaped()
    {
        var (response, _) = await factory.CreateClient().PostAsync("""{ question(slug: "facial-nerve-twitching") { body } }""");

        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains(@"whenever I blink naturally.\nThis never happened before.", raw);
    }
}

public sealed class DocumentCacheTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    private MedQA.Gateway.Http.DocumentCache Cache =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MedQA.Gateway.Http.DocumentCache>(factory.Services);

    [Fact]
    public async Task A_valid_document_is_kept_and_its_variables_are_still_checked_on_every_request()
    {
        const string query = "query Cached($slug: String!) { question(slug: $slug) { title } }";

        var first = await factory.QueryAsync(query, new { slug = "facial-nerve-twitching" });
        var again = await factory.QueryAsync(query, new { slug = "facial-nerve-twitching" });
        var missing = await factory.QueryAsync(query, new { });

        Assert.NotNull(Cache.Get(query));
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.NotNull(missing["errors"]);
        Assert.Null(missing["data"]);
    }

    [Fact]
    public async Task A_document_that_fails_validation_is_not_kept()
    {
        const string query = "{ question(slug: \"x\") { noSuchField } }";

        await factory.QueryAsync(query);

        Assert.Null(Cache.Get(query));
    }
}

public sealed class HardeningTests
{
    [Fact]
    public async Task Markup_from_an_asker_comes_back_as_escaped_text_under_headers_that_forbid_running_anything()
    {
        using var factory = new EmptyMedQaFactory();
        await factory.ImportAsync(Pages.Minimal(title: "Script kiddie").Replace("Should I worry?", "<script>alert('x')</script> & <b>bold</b>"));

        var response = await factory.CreateClient().GetAsync("/graphql?query=" + Uri.EscapeDataString("""{ question(slug: "script-kiddie") { body } }"""));
        var raw = await response.Content.ReadAsStringAsync();
        var body = (await GraphQLClient.ReadAsync(response)).Data()["question"]!["body"]!.GetValue<string>();

        Assert.EndsWith("<script>alert('x')</script> & <b>bold</b>", body); // stored and returned exactly
        Assert.DoesNotContain("<script>", raw); // but never as live markup in the response bytes
        Assert.Contains("\\u003Cscript\\u003E", raw);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
