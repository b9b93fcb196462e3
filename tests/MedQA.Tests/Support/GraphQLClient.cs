using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MedQA.Tests.Support;

/// <summary>Posts GraphQL requests the way a frontend does and reads the JSON answer.</summary>
public static class GraphQLClient
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(
        this HttpClient client, string query, object? variables = null, string accept = GraphQLResponse)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.ParseAdd(accept);
        var response = await client.SendAsync(request);
        return (response, await ReadAsync(response));
    }

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    /// <summary>The data of a response that must have no errors.</summary>
    public static JsonNode Data(this JsonNode body)
    {
        Assert.True(body["errors"] is null, "unexpected errors: " + body["errors"]?.ToJsonString());
        return body["data"]!;
    }

    public static string? Code(this JsonNode body, int error = 0) =>
        body["errors"]?[error]?["extensions"]?["code"]?.GetValue<string>();
}
