using System.Security.Cryptography;
using System.Text;
using MedQA.Gateway.Partners;
using Microsoft.Extensions.Caching.Hybrid;

namespace MedQA.Gateway.Http;

/// <summary>Configuration section <c>MedQA:Caching</c>: how much the answer cache keeps.</summary>
public sealed class AnswerCacheOptions
{
    /// <summary>The largest answer kept, in bytes; larger answers are always run.</summary>
    public int MaxAnswerBytes { get; set; } = 256 * 1024;

    /// <summary>The memory all kept answers may take in the process together.</summary>
    public int MaxMegabytes { get; set; } = 64;
}

/// <summary>A cacheable answer as it was sent: its bytes, ETag and max-age.</summary>
/// <param name="Operation">The name of the operation that made it (for its span and metrics when it is sent again).</param>
public sealed record CachedAnswer(byte[] Body, string ETag, int MaxAgeSeconds, string? Operation = null);

/// <summary>
/// GET answers kept for their max-age (HybridCache: in the process, and in Redis when <c>ConnectionStrings:Redis</c> is
/// set, so gateways share them), keyed by what makes the answer: the media type, the caller (the partner, or the
/// public), the document (its id, or a hash of its text), the operation name and the variables as sent. Only answers
/// MedQA would let a shared cache keep (a GET, no errors, a max-age) are kept; an import drops them all (the tag
/// <see cref="ContentTag"/>, on every gateway the catalogue change reaches). <c>MedQA:Caching:Answers=false</c> turns
/// it off.
/// </summary>
public sealed class AnswerCache(HybridCache cache, IConfiguration configuration)
{
    public const string ContentTag = "content";

    private static readonly string[] Tags = [ContentTag];

    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private readonly AnswerCacheOptions _options = configuration.GetSection("MedQA:Caching").Get<AnswerCacheOptions>() ?? new AnswerCacheOptions();

    public bool Enabled { get; } = configuration.GetValue("MedQA:Caching:Answers", true);

    /// <summary>The key of a GET request's answer.</summary>
    public static string Key(string mediaType, ActivePartner? partner, GraphQLHttpRequest request, string variables)
    {
        var document = request.DocumentId ?? "query:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.Query ?? "")));
        return $"answer|{mediaType}|{(partner is null ? "public" : "partner:" + partner.Name)}|{document}|{request.OperationName}|{variables}";
    }

    public async ValueTask<CachedAnswer?> GetAsync(string key, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(key, static _ => ValueTask.FromResult<CachedAnswer?>(null), ReadOnly, cancellationToken: cancellationToken);

    /// <summary>Keeps an answer for its max-age, unless it is larger than <see cref="AnswerCacheOptions.MaxAnswerBytes"/>.</summary>
    public ValueTask SetAsync(string key, CachedAnswer answer, CancellationToken cancellationToken) => answer.Body.Length > _options.MaxAnswerBytes
        ? ValueTask.CompletedTask
        : cache.SetAsync(key, answer, new HybridCacheEntryOptions
        {
            Expiration = TimeSpan.FromSeconds(answer.MaxAgeSeconds), LocalCacheExpiration = TimeSpan.FromSeconds(answer.MaxAgeSeconds),
        }, Tags, cancellationToken);

    /// <summary>The catalogue changed: every kept answer is out of date.</summary>
    public ValueTask ContentChangedAsync() => cache.RemoveByTagAsync(ContentTag);
}
