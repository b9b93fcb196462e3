using MedQA.Kernel.Data;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Data;

/// <summary>
/// EF's thread-safety checks are off (they cost an allocation per row read; a request's queries run one at a time on
/// its context). One setting for every host: EF builds a model per distinct option set, and its compiled queries run
/// against one model only.
/// </summary>
public sealed class ThreadSafetyCheckTests(CatalogueFactory catalogue) : IClassFixture<CatalogueFactory>
{
    [Fact]
    public async Task The_gateways_contexts_do_not_check_for_concurrent_use()
    {
        await using var db = await catalogue.Factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();

        var core = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!;

        Assert.False(core.ThreadSafetyChecksEnabled);
    }
}
