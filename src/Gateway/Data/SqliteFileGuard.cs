using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedQA.Gateway.Data;

/// <summary>
/// Keeps a running gateway on its SQLite file when the file goes away under it (moved, deleted, restored from a
/// backup). SQLite creates a missing file on open: a connection opened while the catalogue was away made an empty
/// database there, the pool kept that connection, and requests kept failing after the file was put back. Once the
/// database is migrated (<see cref="Arm"/>), connections open the file without creating it (<c>Mode=ReadWrite</c>):
/// SQLite refuses one whose file is missing (error 14, thrown on as <see cref="DatabaseUnavailableException"/> naming
/// the file; <c>DATABASE_UNAVAILABLE</c> to clients) in the open itself, with no look at the file system beside it; and a statement that finds no MedQA table clears the connection pools,
/// so the next request opens the file that is there.
/// </summary>
public sealed class SqliteFileGuard : DbConnectionInterceptor, IDbCommandInterceptor
{
    private volatile Rewrite? _rewrite; // set once armed: the last connection string seen, and what it opens with

    /// <summary>From now on the database file must exist: it was created and migrated.</summary>
    public void Arm() => _rewrite = new Rewrite("", "");

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

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Missing(connection, eventData.Exception);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Missing(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Forget(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Exception);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A connection about to open (it is closed: its string may change) opens its file read-write, not
    /// read-write-create. A connection keeps its string between opens, so after its first open this is one reference
    /// comparison.
    /// </summary>
    private void Check(DbConnection connection)
    {
        if (_rewrite is not { } last || connection is not SqliteConnection sqlite)
        {
            return;
        }
        var text = sqlite.ConnectionString;
        if (ReferenceEquals(text, last.To))
        {
            return;
        }
        if (text != last.From)
        {
            _rewrite = last = new Rewrite(text, OpenOnly(text));
        }
        sqlite.ConnectionString = last.To;
    }

    private static string OpenOnly(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate && builder.DataSource is { Length: > 0 } file && file != ":memory:")
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
            return builder.ToString();
        }
        return connectionString;
    }

    private sealed record Rewrite(string From, string To);

    /// <summary>
    /// SQLite's own word for a file it cannot open is "unable to open database file": the failure is thrown on as one
    /// that names the file (EF throws what its interceptor throws), for the log line an operator reads.
    /// </summary>
    private void Missing(DbConnection connection, Exception exception)
    {
        if (_rewrite is not null && exception is SqliteException { SqliteErrorCode: 14 } && connection is SqliteConnection { DataSource: var file })
        {
            throw new DatabaseUnavailableException($"the database file {file} cannot be opened: it is missing, or not readable and writable", exception);
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
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
