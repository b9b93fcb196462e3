using System.Text.Json;
using GraphQL;

namespace MedQA.Gateway.Http;

/// <summary>The parameters of a GraphQL-over-HTTP request, from a JSON body or a GET query string.</summary>
public sealed record GraphQLHttpRequest(string? Query, string? DocumentId, string? OperationName, Inputs? Variables, Inputs? Extensions)
{
    /// <summary>Reads a request, or says what is wrong with it.</summary>
    public static GraphQLHttpRequest Read(JsonElement body, IGraphQLSerializer serializer)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new BadGraphQLRequest(body.ValueKind == JsonValueKind.Array
                ? "Batched requests (a JSON array) are not supported: send one request object."
                : "The request body must be a JSON object with a 'query' string.");
        }
        var documentId = ReadString(body, "documentId");
        var query = body.TryGetProperty("query", out var q) ? q : default;
        var extensions = ReadMap(body, "extensions", serializer);
        if (documentId is null && query.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null && PersistedQueryHash(extensions) is { } hash)
        {
            documentId = "sha256:" + hash; // Apollo's and urql's shape: the document's hash without its text
        }
        if (documentId is null && query.ValueKind != JsonValueKind.String)
        {
            throw new BadGraphQLRequest(query.ValueKind == JsonValueKind.Undefined
                ? "The request has no 'query': send the GraphQL document as the 'query' string (or a registered document's 'documentId')."
                : "'query' must be a string holding a GraphQL document.");
        }
        if (documentId is not null && query.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            throw new BadGraphQLRequest("Send either 'query' or 'documentId', not both.");
        }
        return new GraphQLHttpRequest(
            documentId is null ? query.GetString()! : null,
            documentId,
            ReadString(body, "operationName"),
            ReadMap(body, "variables", serializer),
            extensions);
    }

    /// <summary>Reads a GET request's query string; variables and extensions are URL-encoded JSON.</summary>
    public static GraphQLHttpRequest Read(IQueryCollection parameters, IGraphQLSerializer serializer)
    {
        var query = parameters["query"].ToString();
        var documentId = parameters["documentId"].ToString();
        var extensions = ParseMap(parameters["extensions"].ToString(), "extensions", serializer);
        if (string.IsNullOrEmpty(query) && string.IsNullOrEmpty(documentId) && PersistedQueryHash(extensions) is { } hash)
        {
            documentId = "sha256:" + hash;
        }
        if (string.IsNullOrEmpty(query) == string.IsNullOrEmpty(documentId))
        {
            throw new BadGraphQLRequest(string.IsNullOrEmpty(query)
                ? "The request has no 'query' parameter: send the GraphQL document as ?query=... (or a registered document's ?documentId=...)."
                : "Send either 'query' or 'documentId', not both.");
        }
        return new GraphQLHttpRequest(
            string.IsNullOrEmpty(query) ? null : query,
            string.IsNullOrEmpty(documentId) ? null : documentId,
            parameters["operationName"] is { Count: > 0 } name && name.ToString().Length > 0 ? name.ToString() : null,
            ParseMap(parameters["variables"].ToString(), "variables", serializer),
            extensions);
    }

    /// <summary>The hash of <c>extensions.persistedQuery.sha256Hash</c> (automatic persisted queries), if the request has one.</summary>
    public static string? PersistedQueryHash(Inputs? extensions) =>
        extensions?.TryGetValue("persistedQuery", out var value) == true && value is IReadOnlyDictionary<string, object?> persisted
        && persisted.TryGetValue("sha256Hash", out var hash) && hash is string text ? text : null;

    private static string? ReadString(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new BadGraphQLRequest($"'{name}' must be a string or null.");

    private static Inputs? ReadMap(JsonElement body, string name, IGraphQLSerializer serializer) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Object ? serializer.ReadNode<Inputs>(value)
        : throw new BadGraphQLRequest($"'{name}' must be a JSON object (a map) or null.");

    private static Inputs? ParseMap(string text, string name, IGraphQLSerializer serializer)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Object => serializer.ReadNode<Inputs>(document.RootElement.Clone()),
                _ => throw new BadGraphQLRequest($"'{name}' must be a JSON object (a map) or null."),
            };
        }
        catch (JsonException)
        {
            throw new BadGraphQLRequest($"'{name}' is not valid JSON.");
        }
    }
}

/// <summary>A request that is not a well-formed GraphQL-over-HTTP request; the message says why.</summary>
public sealed class BadGraphQLRequest(string message) : Exception(message);
