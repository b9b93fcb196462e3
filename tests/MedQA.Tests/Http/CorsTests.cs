using System.Net;
using MedQA.Gateway.Http;
using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>CORS for the public endpoint: a browser app on another origin calls the API and fetches the schema.</summary>
public sealed class CorsTests
{
    [Fact]
    public async Task In_Development_a_page_on_localhost_calls_the_API_and_fetches_the_schema()
    {
        using var factory = new MedQaFactory().WithSetting("environment", "Development");
        var client = factory.CreateClient();

        var preflight = await client.SendAsync(Preflight("http://localhost:3000", "content-type"));
        var post = await client.SendAsync(Post("http://localhost:3000"));
        var schema = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/schema.graphql") { Headers = { { "Origin", "http://localhost:3000" } } });

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("http://localhost:3000", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", preflight.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("Content-Type", preflight.Headers.GetValues("Access-Control-Allow-Headers").Single());
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("http://localhost:3000", post.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Origin", post.Headers.Vary);
        Assert.Equal("http://localhost:3000", schema.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Outside_Development_only_the_configured_origins_are_answered()
    {
        using var closed = new MedQaFactory();
        using var open = (MedQaFactory)new MedQaFactory().WithSetting("MedQA:Cors:Origins:0", "https://www.example.org");

        var localhost = await closed.CreateClient().SendAsync(Post("http://localhost:3000"));
        var listed = await open.CreateClient().SendAsync(Post("https://www.example.org"));
        var other = await open.CreateClient().SendAsync(Post("https://evil.example"));
        var preflight = await open.CreateClient().SendAsync(Preflight("https://evil.example", "content-type"));

        Assert.False(localhost.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("https://www.example.org", listed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode); // answered; the browser withholds it from the page
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("http://localhost:3000", true)]
    [InlineData("http://LOCALHOST:5173", true)]
    [InlineData("http://localhost", true)]
    [InlineData("https://www.example.org", true)]
    [InlineData("http://localhost:3000.evil.example", false)]
    [InlineData("http://localhost:", false)]
    [InlineData("https://localhost:3000", false)]
    [InlineData("https://www.example.org.evil.example", false)]
    public void Origins_match_whole_and_any_port_means_digits_only(string origin, bool allowed)
    {
        var origins = new CorsOrigins(["http://localhost", "http://localhost:*", "https://www.example.org/"]);

        Assert.Equal(allowed, origins.Allows(origin));
    }

    private static HttpRequestMessage Preflight(string origin, string headers) => new(HttpMethod.Options, "/graphql")
    {
        Headers = { { "Origin", origin }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", headers } },
    };

    private static HttpRequestMessage Post(string origin) => new(HttpMethod.Post, "/graphql")
    {
        Headers = { { "Origin", origin } },
        Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
    };
}
