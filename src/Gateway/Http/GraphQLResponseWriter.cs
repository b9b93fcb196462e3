using MedQA.FastExecution;
using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using GraphQL;
using MedQA.Gateway.Limits;
using MedQA.Gateway.Partners;
using MedQA.Kernel.GraphQL;
using Microsoft.Net.Http.Headers;

namespace MedQA.Gateway.Http;

/// <summary>
/// Writes GraphQL responses: status codes as the spec says, and for successful GETs the caching headers partners
/// rely on: <c>Cache-Control</c> (max-age from configuration, shorter when the content says so), a strong
/// <c>ETag</c>, and <c>304 Not Modified</c> on <c>If-None-Match</c>. Anything with errors is <c>no-store</c>.
/// </summary>
public sealed class GraphQLResponseWriter(IGraphQLTextSerializer serializer, GraphQLLimits limits, ClientErrorLog clientErrors)
{
    public Task ErrorAsync(HttpContext http, int status, string mediaType, string code, string message)
    {
        clientErrors.Write(http, status, code, message);
        http.Response.StatusCode = status;
        http.Response.Headers.CacheControl = "no-store";
        return WriteAsync(http, mediaType, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] });
    }

    /// <summary>
    /// Sends an execution's answer; returns it as a shared cache may keep it (with <paramref name="keep"/>, when the
    /// answer is cacheable), else null.
    /// </summary>
    public async Task<CachedAnswer?> ResultAsync(HttpContext http, string mediaType, ExecutionResult result, bool cacheable, bool keep = false)
    {
        if (!result.Executed && result.Errors is { Count: > 0 } errors && errors.Count > limits.MaxValidationErrors)
        {
            result.Errors = [.. errors.Take(limits.MaxValidationErrors)];
        }
        LimitCodes.Normalize(result.Errors);
        PartnerCodes.Normalize(result.Errors);
        // Refused for what it would cost: 400 for every client, so caches and dashboards see it as an error.
        var overLimit = !result.Executed && result.Errors?.Any(LimitCodes.IsLimit) == true;
        http.Response.StatusCode = result.Executed || (mediaType == ResponseMediaType.Json && !overLimit)
            ? StatusCodes.Status200OK
            : StatusCodes.Status400BadRequest;
        if (!result.Executed && result.Errors is [var first, ..])
        {
            clientErrors.Write(http, http.Response.StatusCode, first.Code, first.Message);
        }
        var body = CanWriteDirectly(result) ? WriteDirectly(result) : await SerializeAsync(result, http.RequestAborted);
        if (body.Length > limits.MaxResponseBytes)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, LimitCodes.ResponseTooLarge,
                $"The answer is {body.Length:N0} bytes; at most {limits.MaxResponseBytes:N0} are sent (MedQA:GraphQL:MaxResponseBytes): ask for fewer items or fields.");
            return null;
        }
        if (!cacheable || !result.Executed || result.Errors is { Count: > 0 })
        {
            http.Response.Headers.CacheControl = "no-store";
            await WriteBodyAsync(http, mediaType, body);
            return null;
        }
        var etag = $"\"{Base64Url.EncodeToString(SHA256.HashData(body.Span))}\"";
        var maxAge = http.RequestServices.GetRequiredService<CacheHint>().MaxAgeSeconds;
        var kept = keep && maxAge > 0 ? new CachedAnswer(body.ToArray(), etag, maxAge, result.Operation?.Name?.StringValue) : null; // before any await (see WriteBodyAsync)
        await CacheableAsync(http, mediaType, body, etag, maxAge);
        return kept;
    }

    /// <summary>Sends a kept answer again, with the headers and the 304 it had the first time.</summary>
    public Task CachedAsync(HttpContext http, string mediaType, CachedAnswer answer) =>
        CacheableAsync(http, mediaType, answer.Body, answer.ETag, answer.MaxAgeSeconds);

    private static async Task CacheableAsync(HttpContext http, string mediaType, ReadOnlyMemory<byte> body, string etag, int maxAge)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = maxAge > 0 ? $"public, max-age={maxAge}" : "no-cache";
        // A copy made for a request without Origin (no CORS headers) must not be what a shared cache gives a browser;
        // with an Origin, the CORS middleware adds it.
        http.Response.Headers.Append("Vary", http.Request.Headers.Origin.Count > 0 ? $"Accept, {PartnerKeys.Header}" : $"Accept, {PartnerKeys.Header}, Origin");
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        await WriteBodyAsync(http, mediaType, body);
    }

    private static async Task WriteBodyAsync(HttpContext http, string mediaType, ReadOnlyMemory<byte> body)
    {
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        http.Response.ContentLength = body.Length;
        http.Response.BodyWriter.Write(body.Span); // copied before any await: a direct body lives in this thread's buffer
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    /// <summary>
    /// This thread's buffer for answers <see cref="ExecutionTreeJson"/> writes: measured before anything is sent (a
    /// pipe cannot take back what was written to it), reused instead of allocated per request.
    /// </summary>
    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_answer;

    /// <summary>The answer in this thread's buffer; valid until the thread writes the next one (no await in between).</summary>
    private ReadOnlyMemory<byte> WriteDirectly(ExecutionResult result)
    {
        var buffer = t_answer ??= new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        ExecutionTreeJson.Write(buffer, result, serializer);
        if (buffer.Capacity > 1024 * 1024)
        {
            t_answer = null; // one huge answer does not pin its buffer to the thread
        }
        return buffer.WrittenMemory;
    }

    private async Task WriteAsync(HttpContext http, string mediaType, ExecutionResult result)
    {
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        if (!CanWriteDirectly(result))
        {
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
            return;
        }
        ExecutionTreeJson.Write(http.Response.BodyWriter, result, serializer);
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    /// <summary>Whether <see cref="ExecutionTreeJson"/> writes it (never in the reference execution: GraphQL.NET's serializer does).</summary>
    private bool CanWriteDirectly(ExecutionResult result) => !limits.ReferenceExecution && ExecutionTreeJson.CanWrite(result);

    private async Task<ReadOnlyMemory<byte>> SerializeAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        await serializer.WriteAsync(body, result, cancellationToken);
        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }
}
