using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedQA.Gateway.Data;

/// <summary>
/// Keeps a running gateway on its SQLite file when the file goes away under it (moved, deleted, restored from a
/// backup). SQLite creates a missing file on open: a connection opened while the catalogue was away made an empty
/// database there, the pool kept that connection, and requests kept failing after the file was put back. Once the
/// database is migrated (<see cref="Arm"/>), a connection whose file is missing is refused instead
/// (<see cref="DatabaseUnavailableException"/>, <c>DATABASE_UNAVAILABLE</c> to clients), and a statement that finds
/// no MedQA table clears the connection pools, so the next request opens the file that is there.
/// </summary>
public sealed class SqliteFileGuard : DbConnectionInterceptor, IDbCommandInterceptor
{
    private volatile bool _armed;

    /// <summary>From now on the database file must exist: it was created and migrated.</summary>
    public void Arm() => _armed = true;

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Check(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Check(connection);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Forget(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Check(DbConnection connection)
    {
        if (_armed && connection is SqliteConnection sqlite && sqlite.DataSource is { Length: > 0 } file && file != ":memory:"
            && !sqlite.ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase) && !File.Exists(file))
        {
            throw new DatabaseUnavailableException($"the database file {file} is missing");
        }
    }

    private static void Forget(Exception exception)
    {
        if (exception is SqliteException { SqliteErrorCode: 1 } e && e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            SqliteConnection.ClearAllPools(); // connections to a file that is not (or no longer) the catalogue
        }
    }
}

/// <summary>The catalogue's database cannot be reached right now; the message names it, for the log.</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);
