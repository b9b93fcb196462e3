using System.Threading.RateLimiting;
using MedQA.Gateway.Replicas;
using MedQA.Gateway.Schema;
using MedQA.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace MedQA.Gateway.Partners;

public static class PartnerRegistration
{
    /// <summary>Partners (keys, documents, origins) and the per-key rate limits (429 with Retry-After over them).</summary>
    public static IServiceCollection AddMedQaPartners(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PartnerDirectory>();
        services.AddHostedService<PartnerDirectoryRefresh>();
        services.AddSingleton(sp => new PartnerAdmin(
            sp.GetRequiredService<IDbContextFactory<MedQaDbContext>>(), sp.GetRequiredService<ICatalogueChanges>(), sp.GetRequiredService<MedQaSchema>()));
        var partnerLimit = configuration.GetValue("MedQA:RateLimits:PartnerPerMinute", 1200);
        var publicLimit = configuration.GetValue("MedQA:RateLimits:PublicPerMinute", 600);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests; // the platform default is 503
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var partner = http.Request.Headers[PartnerKeys.Header] is { Count: > 0 } key
                    ? http.RequestServices.GetRequiredService<PartnerDirectory>().FindByKey(key.ToString())
                    : null;
                var (partition, limit) = partner is not null
                    ? ("partner:" + partner.Name, partnerLimit)
                    : ("public:" + http.Connection.RemoteIpAddress, publicLimit);
                // With Redis every gateway counts in one window per partition; without it, each process in its own.
                return http.RequestServices.GetService<IConnectionMultiplexer>() is { } redis
                    ? RateLimitPartition.Get(partition, key => new RedisWindowLimiter(
                        redis, key, limit, TimeSpan.FromMinutes(1), new FixedWindowRateLimiter(Window(limit)), TimeProvider.System))
                    : RateLimitPartition.GetFixedWindowLimiter(partition, _ => Window(limit));
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "application/json; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "{\"errors\":[{\"message\":\"Too many requests: try again in " + retryAfter + " s.\",\"extensions\":{\"code\":\"RATE_LIMITED\"}}]}",
                    cancellationToken);
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int perMinute) => new()
    {
        PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
    };
}
