using MedQA.Kernel.Data;
using MedQA.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedQA.Gateway.Http;

/// <summary>
/// Readiness: the catalogue answers a query (one indexed read), so a load balancer stops sending traffic to a
/// gateway whose database is gone, locked for long or not migrated, and sends it again once the database answers.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<MedQaDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Set<Question>().AsNoTracking().Select(q => q.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy("the catalogue answers");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"the catalogue does not answer: {e.GetBaseException().Message}");
        }
    }
}
