using System.Text.Json;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using MedQA.Gateway.Limits;
using MedQA.Gateway.Partners;
using MedQA.Gateway.Schema;
using MedQA.Gateway.Telemetry;
using Microsoft.Net.Http.Headers;

namespace MedQA.Gateway.Http;

/// <summary>
/// The GraphQL-over-HTTP endpoint (the GraphQL.NET server package is not available to us): POST with a JSON body,
/// GET for queries only, responses in application/graphql-response+json when accepted, else application/json.
/// A request with an <c>X-Api-Key</c> is a partner's: it must name one of the partner's persisted documents.
/// </summary>
public sealed class GraphQLHttpHandler(
    IDocumentExecuter<MedQaSchema> executer, IGraphQLSerializer serializer, DocumentCache documents,
    GraphQLLimits limits, PartnerDirectory partners, GraphQLResponseWriter responses, AnswerCache answers, ServerErrorLog serverErrors)
{
    public const string PartnerKey = "partner";

    public async Task HandleAsync(HttpContext http)
    {
        var mediaType = ResponseMediaType.Negotiate(http.Request.Headers);
        if (mediaType is null)
        {
            await responses.ErrorAsync(http, StatusCodes.Status406NotAcceptable, ResponseMediaType.Json, "NOT_ACCEPTABLE",
                $"The Accept header allows neither {ResponseMediaType.GraphQLResponse} nor {ResponseMediaType.Json}.");
            return;
        }
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !IsJson(http.Request.ContentType))
        {
            await responses.ErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, mediaType, "UNSUPPORTED_MEDIA_TYPE",
                "Send the request as Content-Type: application/json (UTF-8).");
            return;
        }
        ActivePartner? partner = null;
        if (http.Request.Headers[PartnerKeys.Header] is { Count: > 0 } key)
        {
            partner = partners.FindByKey(key.ToString());
            if (partner is null)
            {
                await responses.ErrorAsync(http, StatusCodes.Status401Unauthorized, mediaType, "UNAUTHENTICATED", "The API key is unknown or revoked.");
                return;
            }
        }
        GraphQLHttpRequest request;
        try
        {
            if (!isGet && http.Request.ContentLength > limits.MaxRequestBytes)
            {
                throw new PayloadTooLarge();
            }
            request = isGet ? GraphQLHttpRequest.Read(http.Request.Query, serializer) : await ReadBodyAsync(http);
        }
        catch (PayloadTooLarge)
        {
            await responses.ErrorAsync(http, StatusCodes.Status413PayloadTooLarge, mediaType, LimitCodes.PayloadTooLarge,
                $"The request body is larger than {limits.MaxRequestBytes} bytes.");
            return;
        }
        catch (BadGraphQLRequest e)
        {
            // Not a GraphQL request at all (bad JSON, wrong parameter types): 400 whatever the media type.
            await responses.ErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, "BAD_REQUEST", e.Message);
            return;
        }
        if (partner is null && request.Query is not null && PublicQueryRefusal(request) is { } refusal)
        {
            await responses.ErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, refusal.Code, refusal.Message);
            return;
        }
        if (partner is not null && request.Query is not null)
        {
            await responses.ErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, PartnerCodes.PersistedQueryRequired,
                "Partner requests run registered documents only: send 'documentId' (sha256:...), not 'query'.");
            return;
        }
        if (isGet && request.Query is not null && OperationOf(documents.Get(request.Query)?.Document ?? TryParse(request.Query), request.OperationName) is { } operation
            && operation.Operation != OperationType.Query)
        {
            http.Response.Headers.Allow = "POST";
            await responses.ErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "METHOD_NOT_ALLOWED",
                $"A {operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET: send it with POST.");
            return;
        }
        var answerKey = isGet && answers.Enabled ? AnswerCache.Key(mediaType, partner, request, http.Request.Query["variables"].ToString()) : null;
        if (answerKey is not null && await answers.GetAsync(answerKey, http.RequestAborted) is { } kept)
        {
            var operationName = kept.Operation ?? request.OperationName;
            using var hit = MedQaTelemetry.StartOperation(operationName, request.DocumentId);
            var sent = System.Diagnostics.Stopwatch.GetTimestamp();
            await responses.CachedAsync(http, mediaType, kept);
            MedQaTelemetry.EndOperation(hit, operationName, sent, hasErrors: false, kept: true);
            return;
        }
        using var activity = MedQaTelemetry.StartOperation(request.OperationName, request.DocumentId);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            UserContext = new Dictionary<string, object?>
            {
                [PartnerKey] = partner,
                [MedQA.Kernel.GraphQL.RequestServices.Key] = new MedQA.Kernel.GraphQL.RequestServices(http.RequestServices),
            },
            CancellationToken = http.RequestAborted,
        });
        MedQaTelemetry.EndOperation(activity, result.Operation?.Name?.StringValue ?? request.OperationName, started, result.Errors is { Count: > 0 });
        foreach (var error in result.Errors ?? [])
        {
            if (error is GraphQL.Execution.UnhandledError { InnerException: { } cause })
            {
                serverErrors.Write(http, MedQaErrorInfoProvider.CannotReachDatabase(cause) ? MedQaErrorInfoProvider.DatabaseUnavailable : MedQA.Kernel.GraphQL.ErrorCodes.InternalError, cause);
            }
        }
        if (await responses.ResultAsync(http, mediaType, result, cacheable: isGet, keep: answerKey is not null) is { } answer)
        {
            await answers.SetAsync(answerKey!, answer, CancellationToken.None);
        }
    }

    /// <summary>
    /// Why the public endpoint refuses a query sent as text: a persisted-query hash that is not the query's, or, when
    /// only trusted documents run (<c>MedQA:GraphQL:TrustedDocumentsOnly</c>), a query no app registered. Hashes the
    /// query only in those two cases.
    /// </summary>
    private (string Code, string Message)? PublicQueryRefusal(GraphQLHttpRequest request)
    {
        var hash = GraphQLHttpRequest.PersistedQueryHash(request.Extensions);
        if (hash is null && !limits.TrustedDocumentsOnly)
        {
            return null;
        }
        var id = PartnerKeys.DocumentId(request.Query!);
        if (hash is not null && id != "sha256:" + hash)
        {
            return ("BAD_REQUEST", "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query.");
        }
        return limits.TrustedDocumentsOnly && partners.FindAppDocument(id) is null
            ? (PartnerCodes.PersistedQueryRequired,
                "This endpoint runs registered documents only: send 'documentId' (sha256:...) or extensions.persistedQuery.sha256Hash of a document registered with 'documents add'.")
            : null;
    }

    /// <summary>
    /// Reads the body from Kestrel's buffers (no copy), or throws <see cref="PayloadTooLarge"/> as soon as it passes
    /// the limit (chunked bodies too).
    /// </summary>
    private async Task<GraphQLHttpRequest> ReadBodyAsync(HttpContext http)
    {
        var reader = http.Request.BodyReader;
        var read = await reader.ReadAsync(http.RequestAborted);
        while (!read.IsCompleted && read.Buffer.Length <= limits.MaxRequestBytes)
        {
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            read = await reader.ReadAsync(http.RequestAborted);
        }
        try
        {
            if (read.Buffer.Length > limits.MaxRequestBytes)
            {
                throw new PayloadTooLarge();
            }
            JsonDocument body;
            try
            {
                body = JsonDocument.Parse(read.Buffer);
            }
            catch (JsonException e)
            {
                throw new BadGraphQLRequest($"The request body is not valid JSON: {e.Message}");
            }
            using (body)
            {
                try
                {
                    return GraphQLHttpRequest.Read(body.RootElement, serializer);
                }
                catch (InvalidOperationException e)
                {
                    // JSON that parses but holds text no string can: invalid UTF-8, a lone UTF-16 surrogate.
                    throw new BadGraphQLRequest($"The request body holds text that is not valid Unicode: {e.Message}");
                }
            }
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
    }

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

    private static GraphQLOperationDefinition? OperationOf(GraphQLDocument? document, string? name)
    {
        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        return name is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == name);
    }
}
