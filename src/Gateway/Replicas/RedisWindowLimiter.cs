using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace MedQA.Gateway.Replicas;

/// <summary>
/// A fixed-window rate limit counted in Redis, so every gateway draws on one budget per partition (a partner's key,
/// a client address) instead of one per process. The window is the same clock minute on every gateway; its count is
/// one key (<c>medqa:rate:{partition}:{window}</c>) incremented per request and expiring after the window. When Redis
/// cannot be reached, the process's own window (<paramref name="fallback"/>) decides, so an outage neither blocks
/// nor frees every client.
/// </summary>
public sealed class RedisWindowLimiter(IConnectionMultiplexer redis, string partition, int permitLimit, TimeSpan window, RateLimiter fallback, TimeProvider clock)
    : RateLimiter
{
    // INCR, and the expiry set with the first request of a window; returns the count.
    private static readonly LuaScript Count = LuaScript.Prepare("""
        local n = redis.call('INCR', @key)
        if n == 1 then redis.call('PEXPIRE', @key, @ttl) end
        return n
        """);

    private long _lastUsed = clock.GetTimestamp();

    // The partitioned limiter drops a partition idle for a while (its count lives on in Redis).
    public override TimeSpan? IdleDuration => clock.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    // Without I/O a request cannot be counted: the attempt fails, and ASP.NET Core's middleware then asks
    // AcquireAsync, which counts it in Redis.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotCounted;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, clock.GetTimestamp());
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)window.TotalMilliseconds;
        var index = now / windowMs;
        if (!redis.IsConnected)
        {
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }
        long count;
        try
        {
            count = (long)await redis.GetDatabase().ScriptEvaluateAsync(Count,
                new { key = (RedisKey)$"medqa:rate:{partition}:{index}", ttl = windowMs * 2 });
        }
        catch (RedisException)
        {
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }
        return count <= permitLimit ? Lease.Granted : new Lease(TimeSpan.FromMilliseconds((index + 1) * windowMs - now));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fallback.Dispose();
        }
        base.Dispose(disposing);
    }

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(null);

        public static readonly Lease NotCounted = new(TimeSpan.Zero);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
