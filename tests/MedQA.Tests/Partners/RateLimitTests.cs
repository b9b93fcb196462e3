using System.Net;
using MedQA.Tests.Support;

namespace MedQA.Tests.Partners;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Over_its_limit_a_key_gets_429_with_Retry_After_and_other_keys_and_the_public_do_not()
    {
        using var fixture = new RateLimitedPartners();
        await fixture.InitializeAsync();
        var faqs = fixture.Documents["specialty-faqs"];
        object variables = new { specialty = "neurology" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await fixture.GetAsync(fixture.PortalKey, faqs, variables)).StatusCode);
        }
        var limited = await fixture.GetAsync(fixture.PortalKey, faqs, variables);
        var other = await fixture.GetAsync(fixture.OtherKey, "sha256:" + new string('0', 64));
        var (publicResponse, _) = await fixture.Factory.CreateClient().PostAsync("{ __typename }");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Equal("RATE_LIMITED", (await GraphQLClient.ReadAsync(limited)).Code());
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicResponse.StatusCode);
    }

    private sealed class RateLimitedPartners : IDisposable
    {
        private readonly PartnerFixture _inner = new();

        public RateLimitedPartners() => _inner.Factory.WithSetting("MedQA:RateLimits:PartnerPerMinute", "3");

        public MedQaFactory Factory => _inner.Factory;

        public string PortalKey => _inner.PortalKey;

        public string OtherKey => _inner.OtherKey;

        public Dictionary<string, string> Documents => _inner.Documents;

        public Task InitializeAsync() => _inner.InitializeAsync();

        public Task<HttpResponseMessage> GetAsync(string key, string document, object? variables = null) => _inner.GetAsync(key, document, variables);

        public void Dispose() => _inner.DisposeAsync().GetAwaiter().GetResult();
    }
}
