using System.Net;
using System.Text.Json.Nodes;
using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>
/// Documents that cost far more than their size once fragments are expanded are refused by the document's own
/// cost (fragments counted at every spread, each walked once), before GraphQL.NET's validation, whose rules walk a
/// fragment again at every spread: one error with its code, no SQL.
/// </summary>
public sealed class HostileDocumentTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    private async Task<(HttpResponseMessage Response, JsonNode Body, int Sql)> PostAsync(string query)
    {
        await factory.QueryAsync("{ __typename }");
        factory.Sql.Reset();
        var (response, body) = await factory.CreateClient().PostAsync(query);
        return (response, body, factory.Sql.Commands.Count);
    }

    [Fact]
    public async Task Fragments_that_each_spread_the_previous_twice_are_MAX_FIELDS_EXCEEDED_alone()
    {
        var fragments = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"fragment F{i} on Question {{ ...F{i - 1} ...F{i - 1} }}"));
        var query = $"{{ questions(first: 1) {{ nodes {{ ...F30 }} }} }}\nfragment F0 on Question {{ title }}\n{fragments}";

        var (response, body, sql) = await PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(body["errors"]!.AsArray()); // refused before GraphQL.NET's rules (complexity, merging) ran
        Assert.Equal("MAX_FIELDS_EXCEEDED", error!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(0, sql);
    }

    [Fact]
    public async Task The_same_field_five_thousand_times_is_MAX_FIELDS_EXCEEDED_alone()
    {
        var (response, body, _) = await PostAsync("{ questions(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("title ", 5000)) + "} } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MAX_FIELDS_EXCEEDED", Assert.Single(body["errors"]!.AsArray())!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_fragment_spread_a_second_time_deeper_is_measured_there_too()
    {
        const string Deep = """
            { questions(first: 1) { nodes { ...D } }
              question(slug: "facial-nerve-twitching") { similar { question { similar { question { similar { question { ...D } } } } } } } }
            fragment D on Question { similar { question { similar { question { title } } } } }
            """;

        var (response, body, sql) = await PostAsync(Deep);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MAX_DEPTH_EXCEEDED", body.Code());
        Assert.Contains("12 levels", body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(0, sql);
    }

    [Fact]
    public async Task Aliases_inside_a_fragment_count_at_every_spread()
    {
        var questions = string.Join(" ", Enumerable.Range(0, 6).Select(i => $"q{i}: question(slug: \"facial-nerve-twitching\") {{ ...Similar }}"));
        var query = $"{{ {questions} }} fragment Similar on Question {{ a: similar(first: 2) {{ headline }} b: similar(first: 3) {{ headline }} }}";

        var (response, body, sql) = await PostAsync(query); // 6 + 6 x 2 = 18 aliases; counted once, the fragment's made 8

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MAX_ALIASES_EXCEEDED", body.Code());
        Assert.Contains("18 aliases", body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(0, sql);
    }

    [Theory]
    [InlineData("questions(first: 2, where: { text: \"pain\" }, order: { field: RELEVANCE }, after: \"{0}\") { nodes { title } }", "r")]
    [InlineData("search(query: \"pain\", first: 2, after: \"{0}\") { nodes { score } }", "s")]
    public async Task A_score_cursor_holding_NaN_is_BAD_USER_INPUT(string field, string kind)
    {
        foreach (var score in new[] { "NaN", "Infinity", "-Infinity" })
        {
            var cursor = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($"{kind}|{score}|5"));

            var (_, body, _) = await PostAsync("{ " + field.Replace("{0}", cursor) + " }");

            Assert.Equal("BAD_USER_INPUT", body.Code());
        }
    }

    [Fact]
    public async Task A_mutation_on_this_query_only_API_is_OPERATION_NOT_SUPPORTED()
    {
        var (response, body, _) = await PostAsync("mutation { __typename }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("OPERATION_NOT_SUPPORTED", body.Code());
    }

    [Fact]
    public async Task A_document_nested_too_deeply_to_parse_is_MAX_DEPTH_EXCEEDED()
    {
        var (response, body, _) = await PostAsync(string.Concat(Enumerable.Repeat("{a", 16_000)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MAX_DEPTH_EXCEEDED", body.Code());
    }

    [Theory]
    [InlineData("{\"query\":\"{ __typename }\",\"operationName\":\"\\ud800\"}")] // a lone surrogate
    [InlineData("{\"query\":\"{ __typename \u00ff }\"}")] // made invalid UTF-8 below
    public async Task A_body_holding_text_that_is_not_Unicode_is_BAD_REQUEST(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var invalid = bytes.Select(b => b).ToArray();
        var at = Array.IndexOf(bytes, (byte)0xC3); // the two-byte \u00ff: keep its second byte alone
        if (at >= 0)
        {
            invalid = [.. bytes[..at], .. bytes[(at + 1)..]];
        }
        using var content = new ByteArrayContent(invalid);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await factory.CreateClient().PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", (await GraphQLClient.ReadAsync(response)).Code());
    }

    [Fact]
    public async Task Outside_Development_no_message_suggests_a_name()
    {
        var (_, body, _) = await PostAsync("{ questions(firs: 2) { totalCount } specialtis { name } question(slug: \"x\") { titel } }");

        var messages = body["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()).ToList();
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.DoesNotContain("Did you mean", m));
    }
}
