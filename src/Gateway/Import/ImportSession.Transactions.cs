using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MedQA.Gateway.Import;

/// <summary>
/// An import session's transactions: a commit every <see cref="BatchSize"/> pages, a failed batch rolled back and
/// written again without the failing page, and the end of the session.
/// </summary>
public sealed partial class ImportSession
{
    private IDbContextTransaction Transaction => _transaction ?? throw new InvalidOperationException("This import session is finished.");

    private async Task RewriteBatchAsync(CancellationToken cancellationToken)
    {
        await Transaction.RollbackAsync(CancellationToken.None);
        await Transaction.DisposeAsync();
        _commands.DiscardPending(); // the failed page's rows, if it failed before sending them
        _db.ChangeTracker.Clear();
        _transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        _shared = await SharedContent.LoadAsync(_db, cancellationToken); // forget what the rolled-back pages added
        foreach (var written in _written)
        {
            await WriteAsync(written, cancellationToken); // the same state as the first time: the same ids and slugs
            _db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Pages committed together; each is still written whole or not at all. For 100,000 pages 5,000 measured 6,190
    /// pages/s against 4,630 for 500 (one pair of runs; fewer commits, each index page written out once per batch).
    /// </summary>
    public const int BatchSize = 5000;

    /// <summary>Commits what was imported so far and goes on in a new transaction.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _commands.FlushAsync(cancellationToken);
        await Transaction.CommitAsync(cancellationToken);
        _uncommitted = default;
        await Transaction.DisposeAsync();
        await _commands.CommittedAsync(cancellationToken);
        _written.Clear();
        _transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// Commits the rest and ends the session. A bulk session also compacts the search index and copies its write-ahead
    /// log into the database file here, so an import's timing includes all of its writing.
    /// </summary>
    public async Task FinishAsync(CancellationToken cancellationToken = default)
    {
        await _commands.FlushAsync(cancellationToken);
        await Transaction.CommitAsync(cancellationToken);
        _uncommitted = default;
        await Transaction.DisposeAsync();
        _transaction = null;
        await _commands.CommittedAsync(cancellationToken);
        _written.Clear();
        if (_bulk)
        {
            try
            {
                await _commands.CompactIndexAsync(cancellationToken);
            }
            finally
            {
                await BulkWriteSettings.FinishAsync(_db, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _commands.Dispose();
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync(); // rolls back what was not committed
            if (_bulk)
            {
                await BulkWriteSettings.RestoreAsync(_db);
            }
        }
        await _db.DisposeAsync();
    }
}
