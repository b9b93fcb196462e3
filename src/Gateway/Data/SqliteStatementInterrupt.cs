using System.Data.Common;
using MedQA.Kernel.Data;
using Microsoft.Data.Sqlite;

namespace MedQA.Gateway.Data;

/// <summary>
/// SQLite's way to stop a running statement: <c>sqlite3_interrupt</c> on its connection. The statement then fails
/// with SQLITE_INTERRUPT (which <see cref="RequestDb"/> reports as the cancellation it is); a connection with no
/// statement running ignores it.
/// </summary>
public sealed class SqliteStatementInterrupt : IStatementInterrupt
{
    public CancellationTokenRegistration Arm(DbConnection connection, CancellationToken cancellation) =>
        cancellation.CanBeCanceled && connection is SqliteConnection { Handle: { } handle }
            ? cancellation.UnsafeRegister(static state => SQLitePCL.raw.sqlite3_interrupt((SQLitePCL.sqlite3)state!), handle)
            : default;
}
