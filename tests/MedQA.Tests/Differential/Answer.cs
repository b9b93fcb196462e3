using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MedQA.Tests.Differential;

/// <summary>
/// What a response says, as the differential suite compares it: the status, <c>data</c> (values and key order),
/// and the errors by message, path and <c>extensions.code</c> (as a set: parallel resolvers may report in any order).
/// </summary>
public sealed record Answer(int Status, JsonNode? Data, IReadOnlyList<string> Errors, string Body)
{
    public static async Task<Answer> PostAsync(HttpClient client, string document, JsonObject? variables = null)
    {
        using var response = await client.PostAsync("/graphql", JsonContent.Create(new { query = document, variables }));
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!;
        var errors = body["errors"]?.AsArray().Select(e => string.Join(" | ",
            e!["message"]?.GetValue<string>(),
            "path=" + e["path"]?.ToJsonString(),
            "code=" + e["extensions"]?["code"]?.GetValue<string>())).Order(StringComparer.Ordinal).ToList() ?? [];
        return new Answer((int)response.StatusCode, body["data"], errors, text);
    }

    /// <summary>Where <paramref name="actual"/> first differs from this answer, or null when it does not.</summary>
    public string? FirstDifference(Answer actual)
    {
        if (Status != actual.Status)
        {
            return $"status: {Status} expected, {actual.Status} answered";
        }
        if (Difference(Data, actual.Data, "data") is { } data)
        {
            return data;
        }
        for (var i = 0; i < Math.Max(Errors.Count, actual.Errors.Count); i++)
        {
            var (expected, answered) = (Errors.ElementAtOrDefault(i), actual.Errors.ElementAtOrDefault(i));
            if (expected != answered)
            {
                return $"errors: expected [{expected}], answered [{answered}]";
            }
        }
        return null;
    }

    private static string? Difference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                var (eKeys, aKeys) = (e.Select(p => p.Key).ToList(), a.Select(p => p.Key).ToList());
                if (!eKeys.SequenceEqual(aKeys))
                {
                    return $"{path}: keys [{string.Join(", ", eKeys)}] expected, [{string.Join(", ", aKeys)}] answered";
                }
                return eKeys.Select(k => Difference(e[k], a[k], $"{path}.{k}")).FirstOrDefault(d => d is not null);
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path}: {e.Count} items expected, {a.Count} answered";
                }
                return e.Select((item, i) => Difference(item, a[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            default:
                var (eText, aText) = (expected?.ToJsonString() ?? "null", actual?.ToJsonString() ?? "null");
                return eText == aText ? null : $"{path}: {eText} expected, {aText} answered";
        }
    }
}
