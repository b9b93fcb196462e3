using MedQA.Kernel.Data;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Data;

/// <summary>A SQLite statement still running when its request is cancelled stops, instead of keeping a core busy.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // SQLite's statement interrupt
public sealed class StatementInterruptTests
{
    // Counts without end: SQLite runs it in one step, so only an interrupt stops it.
    private const string Endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) AS \"Value\" FROM n";

    [Fact]
    public async Task A_statement_running_when_the_request_is_cancelled_is_interrupted_and_the_connection_serves_on()
    {
        using var factory = new EmptyMedQaFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var requestDb = scope.ServiceProvider.GetRequiredService<RequestDb>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var run = requestDb.RunAsync((db, token) => db.Database.SqlQueryRaw<long>(Endless).SingleAsync(token), cancel.Token);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2))); // a guard against hanging, not a timing

        Assert.Same(run, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, await requestDb.RunAsync((db, token) => db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(token), CancellationToken.None));
    }
}
