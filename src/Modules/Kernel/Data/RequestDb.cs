using Microsoft.EntityFrameworkCore;

namespace MedQA.Kernel.Data;

/// <summary>
/// The database as one GraphQL request's loaders see it: one pooled context and one open connection for the whole
/// request, its queries run one at a time. A context per batch cost a context rental and a connection open and
/// close per statement (on SQLite each open registers EF's SQL functions again), more than most of these small
/// queries themselves; and on the embedded database, queries running side by side only share the same two cores.
/// </summary>
public sealed class RequestDb(IDbContextFactory<MedQaDbContext> contexts) : IAsyncDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private MedQaDbContext? _db;

    /// <summary>Runs a query on the request's context, after the queries started before it.</summary>
    public async Task<T> RunAsync<T>(Func<MedQaDbContext, CancellationToken, Task<T>> query, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            if (_db is null)
            {
                _db = await contexts.CreateDbContextAsync(cancellationToken);
                await _db.Database.OpenConnectionAsync(cancellationToken);
            }
            return await query(_db, cancellationToken);
        }
        finally
        {
            _turn.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync(); // back to the pool, its connection closed
        }
        _turn.Dispose();
    }
}
