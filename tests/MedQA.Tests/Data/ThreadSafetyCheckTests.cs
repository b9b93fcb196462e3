using MedQA.Kernel.Data;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Data;

/// <summary>
/// EF's thread-safety checks follow <c>MedQA:Database:ThreadSafetyChecks</c>: off unless set (they cost an allocation
/// per row read), on in the tests' hosts, where a context shared between concurrent operations then fails.
/// </summary>
public sealed class ThreadSafetyCheckTests
{
    [Theory]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public async Task The_contexts_check_concurrent_use_as_configured(string setting, bool enabled)
    {
        using var host = new MedQaFactory().WithSetting("MedQA:Database:ThreadSafetyChecks", setting);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();

        var core = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!;

        Assert.Equal(enabled, core.ThreadSafetyChecksEnabled);
    }

    [Fact]
    public void Unless_configured_the_checks_are_off()
    {
        Assert.False(new MedQA.Gateway.Data.DatabaseOptions().ThreadSafetyChecks);
    }
}
