using System.Data.Common;
using System.Globalization;
using MedQA.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MedQA.Gateway.Import;

/// <summary>
/// Inserts rows of one entity type with one prepared command built from the EF model (table, columns, value
/// converters). EF's change tracking and update pipeline cost several times what SQLite spends on the row; this
/// is the import's hot path.
/// </summary>
internal sealed class RowInserter<T> : IDisposable where T : class
{
    private readonly PreparedCommand _command;
    private readonly string _sql;
    private readonly (IProperty Property, ValueConverter? Converter)[] _columns;
    private readonly bool _returnsKey;

    private RowInserter(PreparedCommand command, string sql, (IProperty, ValueConverter?)[] columns, bool returnsKey)
    {
        _command = command;
        _sql = sql;
        _columns = columns;
        _returnsKey = returnsKey;
    }

    /// <summary>
    /// The inserter; with <paramref name="returnKey"/> it returns the generated key (rows whose key nobody needs
    /// are inserted without asking for it).
    /// </summary>
    public static RowInserter<T> Create(MedQaDbContext db, bool returnKey)
    {
        var table = new TableSql(db, typeof(T));
        var generated = table.Entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } property] ? property : null;
        var columns = table.Entity.GetProperties().Where(p => p != generated).ToArray();
        var key = returnKey ? generated ?? throw new InvalidOperationException($"{typeof(T).Name} has no generated key.") : null;
        var names = string.Join(", ", columns.Select(table.Column));
        var values = string.Join(", ", columns.Select((_, i) => "@p" + i));
        var sql = key is null ? $"INSERT INTO {table.Name} ({names}) VALUES ({values})"
            : db.Database.IsSqlServer() ? $"INSERT INTO {table.Name} ({names}) OUTPUT INSERTED.{table.Column(key)} VALUES ({values})"
            : db.Database.IsNpgsql() ? $"INSERT INTO {table.Name} ({names}) VALUES ({values}) RETURNING {table.Column(key)}"
            : $"INSERT INTO {table.Name} ({names}) VALUES ({values}); SELECT last_insert_rowid();"; // RETURNING: 5x slower here
        var command = PreparedCommand.Create(db.Database.GetDbConnection(), sql, columns.Select((_, i) => "@p" + i).ToArray());
        return new RowInserter<T>(command, sql, columns.Select(p => (p, p.GetTypeMapping().Converter)).ToArray(), key is not null);
    }

    /// <summary>Inserts the row in the transaction; returns the generated key, or 0 when the key is not generated.</summary>
    public async Task<int> InsertAsync(T row, DbTransaction transaction, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            _command.Set(i, Value(row, i));
        }
        if (!_returnsKey)
        {
            await _command.ExecuteAsync(transaction, cancellationToken);
            return 0;
        }
        return Convert.ToInt32(await _command.ScalarAsync(transaction, cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Adds the row's insert to a batch, which runs later in one round trip (an inserter without a key only).</summary>
    public void AddTo(DbBatch batch, T row)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = _sql;
        for (var i = 0; i < _columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            parameter.Value = Value(row, i) ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        batch.BatchCommands.Add(command);
    }

    private object? Value(T row, int column)
    {
        var (property, converter) = _columns[column];
        var value = property.GetGetter().GetClrValue(row);
        return converter is null || value is null ? value : converter.ConvertToProvider(value);
    }

    public void Dispose() => _command.Dispose();
}
