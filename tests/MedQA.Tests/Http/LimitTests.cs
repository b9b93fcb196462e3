using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>Every request is checked for what it would cost before anything runs: refusals are 400 with a code and no SQL.</summary>
public sealed class LimitTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    private async Task<(HttpResponseMessage Response, JsonNode Body, int Sql)> PostAsync(string query, string accept = GraphQLClient.GraphQLResponse)
    {
        await factory.QueryAsync("{ __typename }");
        factory.Sql.Reset();
        var (response, body) = await factory.CreateClient().PostAsync(query, accept: accept);
        return (response, body, factory.Sql.Commands.Count);
    }

    [Theory]
    [InlineData("""{ questions { nodes { replies { doctor { specialty { questions { nodes { replies { doctor { specialty { name } } } } } } } } } } }""")]
    [InlineData("""query { ...Deep } fragment Deep on Query { questions { nodes { replies { doctor { specialty { questions { nodes { ...Deeper } } } } } } } } fragment Deeper on Question { replies { doctor { specialty { name } } } }""")]
    public async Task A_query_deeper_than_10_is_MAX_DEPTH_EXCEEDED(string query)
    {
        var (response, body, sql) = await PostAsync(query, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(body["errors"]!.AsArray(), e => e!["extensions"]!["code"]!.GetValue<string>() == "MAX_DEPTH_EXCEEDED");
        Assert.Equal(0, sql);
    }

    [Fact]
    public async Task Sixteen_aliases_are_MAX_ALIASES_EXCEEDED_and_fifteen_pass()
    {
        static string Aliases(int n) => "{ " + string.Join(' ', Enumerable.Range(0, n).Select(i => $"a{i}: __typename")) + " }";

        var (refused, body, sql) = await PostAsync(Aliases(16));
        var (allowed, _, _) = await PostAsync(Aliases(15));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("MAX_ALIASES_EXCEEDED", body.Code());
        Assert.Equal(0, sql);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [InlineData("""{ specialties { questions(first: 50) { nodes { title replies { doctor { specialty { questions(first: 50) { nodes { title } } } } } } } } }""")]
    [InlineData("""{ specialties { name doctors { name } faqs { topic } questions(first: 50) { nodes { title similar(first: 20) { headline } } } } }""")]
    public async Task A_catalogue_wide_fan_out_is_MAX_COMPLEXITY_EXCEEDED_before_any_SQL(string query)
    {
        var (response, body, sql) = await PostAsync(query, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", body.Code());
        Assert.Equal(0, sql);
    }

    [Theory]
    [InlineData("""query($slug: String!) { question(slug: $slug) { slug title headline body askedOn specialty { name } asker { alias gender ageRange { min max } } replies { body repliedOn doctor { name specialty { name } } } article { intro sections { heading body } conclusion } causes { heading summary items { title detail } } treatments { heading summary items { title detail } } similar { headline questionExcerpt doctorName doctorSpecialty replyExcerpt question { slug } } relatedFaqs { topic } enrichments { heading summary } } }""")]
    [InlineData("""{ questions(first: 50) { totalCount edges { cursor node { slug title askedOn specialty { name } replies { body repliedOn doctor { name specialty { name } } } causes { summary } treatments { summary } } } pageInfo { hasNextPage endCursor } } }""")]
    [InlineData("""{ search(query: "knee", first: 10) { totalCount edges { cursor node { score snippet { text highlights { start length } } question { slug title askedOn specialty { name } } } } pageInfo { hasNextPage endCursor } } }""")]
    [InlineData("""{ specialty(slug: "neurology") { name questions(first: 20) { nodes { title } } doctors { name } faqs { topic } } }""")]
    public async Task The_frontend_examples_fit_the_complexity_budget(string query)
    {
        var (response, body) = await factory.CreateClient().PostAsync(query, new { slug = "facial-nerve-twitching" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
    }

    [Fact]
    public async Task A_body_over_32_KiB_is_413_PAYLOAD_TOO_LARGE()
    {
        var json = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + new string('x', 33 * 1024) + "\"}}";
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        chunked.Headers.ContentType = new("application/json");

        var declared = await factory.CreateClient().PostAsync("/graphql", new StringContent(json, Encoding.UTF8, "application/json"));
        var streamed = await factory.CreateClient().PostAsync("/graphql", chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", (await GraphQLClient.ReadAsync(declared)).Code());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
    }

    [Fact]
    public async Task At_most_five_validation_errors_are_reported()
    {
        var (_, body, _) = await PostAsync("{ " + string.Join(' ', Enumerable.Range(0, 12).Select(i => $"nope{i}")) + " }");

        Assert.Equal(5, body["errors"]!.AsArray().Count);
    }

    [Fact]
    public async Task Outside_Development_there_are_no_suggestions_and_no_introspection()
    {
        var (_, typo, _) = await PostAsync("""{ questoin(slug: "x") { title } }""");
        var (_, schema, _) = await PostAsync("{ __schema { types { name } } }");
        var (_, typename, _) = await PostAsync("{ __typename }");

        Assert.DoesNotContain("Did you mean", typo["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("INTROSPECTION_DISABLED", schema.Code());
        Assert.Equal("Query", typename.Data()["__typename"]!.GetValue<string>());
    }
}

public sealed class IntrospectionSettingTests
{
    [Fact]
    public async Task Introspection_can_be_turned_on_in_Production()
    {
        using var factory = new MedQaFactory().WithSetting("MedQA:GraphQL:Introspection", "true");

        var body = await factory.QueryAsync("{ __type(name: \"Question\") { name } }");

        Assert.Equal("Question", body.Data()["__type"]!["name"]!.GetValue<string>());
    }
}

public sealed class ExecutionTimeoutTests
{
    [Fact]
    public async Task A_request_running_past_the_execution_timeout_is_stopped_with_an_error_not_a_5xx()
    {
        // The fixture plugin's `slow` field waits 30 s; its own budget is raised above the execution timeout, so
        // the request timeout is what stops it.
        using var factory = new MedQA.Tests.Plugins.FaultyPluginsFactory()
            .WithSetting("MedQA:Plugins:TimeBudget", "00:00:30")
            .WithSetting("MedQA:GraphQL:Timeout", "00:00:00.300");

        var (response, body) = await factory.CreateClient().PostAsync("""{ question(slug: "facial-nerve-twitching") { title slow } }""");

        Assert.True((int)response.StatusCode < 500);
        Assert.Equal("TIMEOUT", body.Code());
    }
}

public sealed class CachedComplexityTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    [Fact]
    public async Task A_cached_document_whose_page_size_is_a_variable_is_checked_again_for_each_request()
    {
        const string query = "query($n: Int) { specialties { questions(first: $n) { nodes { title similar(first: 20) { headline } replies { doctor { name } } } } } }";

        var small = await factory.QueryAsync(query, new { n = 1 });
        var large = await factory.QueryAsync(query, new { n = 50 });

        Assert.Null(small["errors"]);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", large.Code());
    }
}
