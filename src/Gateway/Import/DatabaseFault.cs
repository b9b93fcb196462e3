using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MedQA.Gateway.Import;

/// <summary>
/// Faults of the database as a whole, not of one page: locked past its wait, full, read-only, failing I/O, damaged,
/// gone or out of reach. An import stops at the first (every later page would fail the same way, each after its
/// own wait) and reports what it wrote before; a fault of one page fails that page only.
/// </summary>
public static class DatabaseFault
{
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Data.DatabaseUnavailableException:
                // busy, locked, read-only, I/O error, corrupt, full, cannot open, not a database
                case SqliteException { SqliteErrorCode: 5 or 6 or 8 or 10 or 11 or 13 or 14 or 26 }:
                // insufficient resources (disk full, out of memory), operator intervention (shutdown, statement
                // cancelled by a timeout), connection exceptions, a lock not granted in time
                case PostgresException { SqlState: var state } when state.StartsWith("53", StringComparison.Ordinal)
                    || state.StartsWith("57", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal) || state == "55P03":
                case DbException { IsTransient: true }:
                    return true;
            }
        }
        return false;
    }
}
