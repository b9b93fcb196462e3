using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace MedQA.Gateway.Replicas;

/// <summary>
/// The second level of the answer cache (HybridCache's <see cref="IDistributedCache"/>) in Redis, on the gateway's
/// own connection: gateways share the answers one of them made. While Redis is away it holds nothing and drops
/// writes, and each gateway keeps its own answers.
/// </summary>
public sealed class RedisAnswerStore(IConnectionMultiplexer redis) : IDistributedCache
{
    private const string Prefix = "medqa:answers:";

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            return await redis.GetDatabase().StringGetAsync(Prefix + key);
        }
        catch (RedisException)
        {
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        var expiry = options.AbsoluteExpirationRelativeToNow
            ?? (options.AbsoluteExpiration is { } at ? at - DateTimeOffset.UtcNow : (TimeSpan?)null)
            ?? options.SlidingExpiration;
        try
        {
            var database = redis.GetDatabase();
            await (expiry is { } time ? database.StringSetAsync(Prefix + key, value, time) : database.StringSetAsync(Prefix + key, value));
        }
        catch (RedisException)
        {
            // an answer not shared: the next request makes it again
        }
    }

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(Prefix + key);
        }
        catch (RedisException)
        {
            // expires on its own
        }
    }
}
