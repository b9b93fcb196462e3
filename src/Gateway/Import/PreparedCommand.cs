using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MedQA.Gateway.Import;

/// <summary>
/// A command kept for a whole import session and run once per row: on SQLite its statements are compiled once and
/// bound by position on the connection's own handle (<see cref="SqliteStatements"/>), elsewhere it is an ADO.NET
/// command. Parameters are set by their position in the list given at creation.
/// </summary>
internal abstract class PreparedCommand : IDisposable
{
    public static PreparedCommand Create(DbConnection connection, string sql, params string[] parameters) => connection is SqliteConnection sqlite
        ? new SqliteStatements(sqlite, sql, parameters)
        : new AdoCommand(connection, sql, parameters);

    public abstract void Set(int parameter, object? value);

    public abstract Task ExecuteAsync(DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The first column of the first row the command returns, or null.</summary>
    public abstract Task<object?> ScalarAsync(DbTransaction transaction, CancellationToken cancellationToken);

    public abstract void Dispose();

    private sealed class AdoCommand : PreparedCommand
    {
        private readonly DbCommand _command;

        public AdoCommand(DbConnection connection, string sql, string[] parameters)
        {
            _command = connection.CreateCommand();
            _command.CommandText = sql;
            foreach (var name in parameters)
            {
                var parameter = _command.CreateParameter();
                parameter.ParameterName = name;
                _command.Parameters.Add(parameter);
            }
        }

        public override void Set(int parameter, object? value) => _command.Parameters[parameter].Value = value ?? DBNull.Value;

        public override Task ExecuteAsync(DbTransaction transaction, CancellationToken cancellationToken)
        {
            _command.Transaction = transaction;
            return _command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override async Task<object?> ScalarAsync(DbTransaction transaction, CancellationToken cancellationToken)
        {
            _command.Transaction = transaction;
            return await _command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? value : null;
        }

        public override void Dispose() => _command.Dispose();
    }
}
