using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace MedQA.Gateway.Replicas;

public static class ReplicaRegistration
{
    /// <summary>
    /// What several gateways on one database share through Redis when <c>ConnectionStrings:Redis</c> is set: catalogue
    /// changes (pub/sub), rate limits (one window per partition, PartnerRegistration), kept GET answers (the answer
    /// cache's second level) and a readiness check. Without it
    /// every process works alone, as one machine does.
    /// </summary>
    public static IServiceCollection AddMedQaReplicas(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CatalogueChangeHandler>();
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<ICatalogueChanges, LocalCatalogueChanges>();
            return services;
        }
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false; // a gateway starts, and serves, while Redis is away; it reconnects on its own
        // While Redis is away a command fails at once instead of waiting 5 s in the client's backlog: requests are
        // counted by the process's own window, and changes are applied here only.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "medqa-" + Environment.MachineName + "-" + Environment.ProcessId;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<ICatalogueChanges, RedisCatalogueChanges>();
        services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache, RedisAnswerStore>();
        services.AddHostedService<CatalogueChangeSubscription>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }
}

/// <summary>Ready while Redis answers a PING.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer: " + e.Message);
        }
    }
}
