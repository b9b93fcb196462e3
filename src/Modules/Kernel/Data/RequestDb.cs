using Microsoft.EntityFrameworkCore;

namespace MedQA.Kernel.Data;

/// <summary>
/// The database as one GraphQL request's loaders see it: one pooled context and one open connection for the whole
/// request, its queries run one at a time. A context per batch cost a context rental and a connection open and
/// close per statement (on SQLite each open registers EF's SQL functions again), more than most of these small
/// queries themselves; and on the embedded database, queries running side by side only share the same two cores.
/// A statement still running when the request is cancelled is interrupted (<see cref="IStatementInterrupt"/>).
/// </summary>
public sealed class RequestDb(IDbContextFactory<MedQaDbContext> contexts, IStatementInterrupt? interrupt = null) : IAsyncDisposable
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
            using var armed = interrupt?.Arm(_db.Database.GetDbConnection(), cancellationToken) ?? default;
            return await query(_db, cancellationToken);
        }
        catch (System.Data.Common.DbException) when (cancellationToken.IsCancellationRequested)
        {
            // An interrupted statement fails as the database reports it; the request was cancelled, and says so.
            throw new OperationCanceledException(cancellationToken);
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
