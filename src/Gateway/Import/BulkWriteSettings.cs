using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Import;

/// <summary>
/// Connection settings for a bulk import (on PostgreSQL a lock timeout; on SQLite the cache and checkpoints below), set when the session starts and put back before its connection
/// returns to the pool. With SQLite's defaults (a 2 MB page cache, a checkpoint every 1,000 WAL pages) a 100,000-page
/// import spent half its time in the kernel: index pages fell out of the cache and were read again, and each
/// checkpoint wrote the same index pages back to the database file. With a larger cache, rarer checkpoints and
/// 5,000-page commits it went from 2,887 to 6,190 pages/s. The WAL stays bounded (<see cref="CheckpointPages"/>,
/// about 400 MB), and <see cref="FinishAsync"/> checkpoints what is left, inside the import's timing.
/// </summary>
internal static class BulkWriteSettings
{
    /// <summary>Page cache of the import's connection, in KiB (SQLite's own default is 2,000).</summary>
    public const int CacheKibibytes = 256 * 1024;

    /// <summary>WAL pages (4 KiB each) written before SQLite copies them into the database file (default 1,000).</summary>
    public const int CheckpointPages = 100_000;

    /// <summary>
    /// How long a bulk import waits for a lock on PostgreSQL (which waits for ever by default) before it stops with the
    /// error, as SQLite's busy timeout makes it do there.
    /// </summary>
    public const string PostgresLockTimeout = "30s";

    public static async Task ApplyAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(
                $"PRAGMA cache_size=-{CacheKibibytes}; PRAGMA wal_autocheckpoint={CheckpointPages};", cancellationToken);
        }
        else if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SET lock_timeout = '{PostgresLockTimeout}'", cancellationToken);
        }
    }

    /// <summary>Copies the import's WAL into the database file and puts SQLite's defaults back on the connection.</summary>
    public static async Task FinishAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
            }
            finally
            {
                await RestoreAsync(db);
            }
        }
        else
        {
            await RestoreAsync(db);
        }
    }

    /// <summary>
    /// The defaults again (SQLite: a shrunk cache frees its pages; PostgreSQL: no lock timeout), so a pooled connection
    /// does not keep them.
    /// </summary>
    public static async Task RestoreAsync(DbContext db)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-2000; PRAGMA wal_autocheckpoint=1000;", CancellationToken.None);
        }
        else if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("RESET lock_timeout", CancellationToken.None);
        }
    }
}
