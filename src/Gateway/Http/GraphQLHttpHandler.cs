using System.Text.Json;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using MedQA.Gateway.Limits;
using MedQA.Gateway.Schema;
using Microsoft.Net.Http.Headers;

namespace MedQA.Gateway.Http;

/// <summary>
/// The GraphQL-over-HTTP endpoint (the GraphQL.NET server package is not available to us): POST with a JSON body,
/// GET for queries only, responses in application/graphql-response+json when accepted, else application/json.
/// </summary>
public sealed class GraphQLHttpHandler(IDocumentExecuter<MedQaSchema> executer, IGraphQLSerializer serializer, DocumentCache documents, GraphQLLimits limits)
{
    public async Task HandleAsync(HttpContext http)
    {
        var mediaType = ResponseMediaType.Negotiate(http.Request.Headers);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, ResponseMediaType.Json, "NOT_ACCEPTABLE",
                $"The Accept header allows neither {ResponseMediaType.GraphQLResponse} nor {ResponseMediaType.Json}.");
            return;
        }
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !IsJson(http.Request.ContentType))
        {
            await WriteErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, mediaType, "UNSUPPORTED_MEDIA_TYPE",
                "Send the request as Content-Type: application/json (UTF-8).");
            return;
        }
        if (!isGet && http.Request.ContentLength > limits.MaxRequestBytes)
        {
            await WriteTooLargeAsync(http, mediaType);
            return;
        }
        GraphQLHttpRequest request;
        try
        {
            request = isGet ? GraphQLHttpRequest.Read(http.Request.Query, serializer) : await ReadBodyAsync(http);
        }
        catch (PayloadTooLarge)
        {
            await WriteTooLargeAsync(http, mediaType);
            return;
        }
        catch (BadGraphQLRequest e)
        {
            // Not a GraphQL request at all (bad JSON, wrong parameter types): 400 whatever the media type.
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, "BAD_REQUEST", e.Message);
            return;
        }
        var cached = documents.Get(request.Query);
        var document = cached ?? TryParse(request.Query);
        if (isGet && document is not null && OperationOf(document, request.OperationName) is { } operation
            && operation.Operation != OperationType.Query)
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "METHOD_NOT_ALLOWED",
                $"A {operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET: send it with POST.");
            return;
        }
        var options = new ExecutionOptions
        {
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
        };
        if (cached is not null)
        {
            // Validated before: only the rules that depend on the request (variables) run again.
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }
        var result = await executer.ExecuteAsync(options);
        if (!result.Executed && result.Errors is { Count: > 0 } errors && errors.Count > limits.MaxValidationErrors)
        {
            result.Errors = [.. errors.Take(limits.MaxValidationErrors)];
        }
        if (cached is null && result.Executed && result.Document is { } validated)
        {
            documents.Add(request.Query, validated);
        }
        // A document that did not parse or validate never executed: a 400 for clients that understand the spec's
        // media type, a 200 with errors for legacy application/json clients.
        // Refused for what it would cost: 400 for every client, so caches and dashboards see it as an error.
        LimitCodes.Normalize(result.Errors);
        var overLimit = !result.Executed && result.Errors?.Any(LimitCodes.IsLimit) == true;
        http.Response.StatusCode = result.Executed || (mediaType == ResponseMediaType.Json && !overLimit)
            ? StatusCodes.Status200OK
            : StatusCodes.Status400BadRequest;
        await WriteAsync(http, mediaType, result);
    }

    private async Task<GraphQLHttpRequest> ReadBodyAsync(HttpContext http)
    {
        var bytes = await ReadLimitedAsync(http.Request.Body, limits.MaxRequestBytes, http.RequestAborted);
        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new BadGraphQLRequest($"The request body is not valid JSON: {e.Message}");
        }
        using (body)
        {
            return GraphQLHttpRequest.Read(body.RootElement, serializer);
        }
    }

    /// <summary>The body, or <see cref="PayloadTooLarge"/> as soon as it passes the limit (chunked bodies too).</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new PayloadTooLarge();
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private Task WriteTooLargeAsync(HttpContext http, string mediaType) =>
        WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, mediaType, LimitCodes.PayloadTooLarge,
            $"The request body is larger than {limits.MaxRequestBytes} bytes.");

    private sealed class PayloadTooLarge : Exception;

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(ResponseMediaType.Json, StringComparison.OrdinalIgnoreCase)
        && (!parsed.Charset.HasValue || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments });
        }
        catch (GraphQLParserException)
        {
            return null; // the executer parses again and reports the syntax error in the spec's shape
        }
    }

    private static GraphQLOperationDefinition? OperationOf(GraphQLDocument document, string? name)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return name is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == name);
    }

    private Task WriteErrorAsync(HttpContext http, int status, string mediaType, string code, string message)
    {
        http.Response.StatusCode = status;
        return WriteAsync(http, mediaType, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] });
    }

    private Task WriteAsync(HttpContext http, string mediaType, ExecutionResult result)
    {
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        return serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
