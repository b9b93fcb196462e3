using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MedQA.Gateway.Import;

/// <summary>
/// A <see cref="PreparedCommand"/> on SQLite's own API: the statements are compiled once, parameters are bound by
/// index, no reader object is made per execution. Microsoft.Data.Sqlite looks every parameter up by name and builds
/// a reader on each run, which cost more than SQLite's own work for the import's small inserts. The statements run
/// on the session's connection, so they are inside its transaction.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection, string sql, string[] parameters) : PreparedCommand
{
    private readonly object?[] _values = new object?[parameters.Length];
    private List<(sqlite3_stmt Statement, int[] Indexes)>? _statements;

    public override void Set(int parameter, object? value) => _values[parameter] = value;

    public override Task ExecuteAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        Run(wantRow: false);
        return Task.CompletedTask;
    }

    public override Task<object?> ScalarAsync(DbTransaction transaction, CancellationToken cancellationToken) => Task.FromResult(Run(wantRow: true));

    private object? Run(bool wantRow)
    {
        object? scalar = null;
        foreach (var (statement, indexes) in _statements ??= Prepare())
        {
            for (var i = 0; i < indexes.Length; i++)
            {
                if (indexes[i] > 0)
                {
                    Bind(statement, indexes[i], _values[i]);
                }
            }
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_ROW && wantRow && scalar is null)
            {
                scalar = Column(statement);
            }
            raw.sqlite3_reset(statement);
            if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }
        }
        return scalar;
    }

    private List<(sqlite3_stmt, int[])> Prepare()
    {
        var statements = new List<(sqlite3_stmt, int[])>();
        var rest = sql.Trim();
        while (rest.Length > 0)
        {
            var rc = raw.sqlite3_prepare_v2(connection.Handle, rest, out var statement, out var tail);
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            if (statement.IsInvalid) // only a comment or whitespace was left
            {
                break;
            }
            statements.Add((statement, parameters.Select(p => raw.sqlite3_bind_parameter_index(statement, p)).ToArray()));
            rest = tail.Trim();
        }
        return statements;
    }

    private static void Bind(sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(statement, index, number),
            // The text forms Microsoft.Data.Sqlite and EF Core's SQLite provider store.
            DateOnly date => raw.sqlite3_bind_text(statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            DateTime time => raw.sqlite3_bind_text(statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            _ => throw new NotSupportedException($"The import cannot bind a {value.GetType().Name} parameter."),
        };
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"Binding parameter {index} failed: {raw.sqlite3_errstr(rc).utf8_to_string()}");
        }
    }

    private static object? Column(sqlite3_stmt statement) => raw.sqlite3_column_type(statement, 0) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, 0),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, 0),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(statement, 0).utf8_to_string(),
        raw.SQLITE_NULL => null,
        _ => raw.sqlite3_column_blob(statement, 0).ToArray(),
    };

    public override void Dispose()
    {
        foreach (var (statement, _) in _statements ?? [])
        {
            statement.Dispose();
        }
    }
}
