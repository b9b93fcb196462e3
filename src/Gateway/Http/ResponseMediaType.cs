using Microsoft.Net.Http.Headers;

namespace MedQA.Gateway.Http;

/// <summary>Picks the response media type from the Accept header, as the GraphQL-over-HTTP spec says.</summary>
public static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The media type to answer with, or null when the client accepts none we can send (406).</summary>
    public static string? Negotiate(IHeaderDictionary headers)
    {
        var accept = headers.Accept;
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return Json; // the spec: a request without Accept is treated as accepting application/json
        }
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return null;
        }
        foreach (var range in ranges.Where(r => r.Quality is null or > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var type = range.MediaType.ToString().ToLowerInvariant();
            switch (type)
            {
                case GraphQLResponse:
                    return GraphQLResponse;
                case Json or "application/*" or "*/*":
                    return Json;
            }
        }
        return null;
    }
}
