using System.Net;
using MedQA.Kernel.Data;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Http;

/// <summary>Liveness says the process answers; readiness says the catalogue does, and follows it when it stops and comes back.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Readiness_follows_the_catalogue_and_liveness_the_process()
    {
        using var factory = new MedQaFactory();
        var client = factory.CreateClient();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>();

        var ready = await client.GetAsync("/health/ready");
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Questions" RENAME TO "QuestionsAway";""");
        }
        var gone = await client.GetAsync("/health/ready");
        var alive = await client.GetAsync("/health/live");
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "QuestionsAway" RENAME TO "Questions";""");
        }
        var back = await client.GetAsync("/health/ready");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (gone.StatusCode, await gone.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}
