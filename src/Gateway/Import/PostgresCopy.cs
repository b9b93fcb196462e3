using System.Collections;
using MedQA.Kernel.Data;
using MedQA.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace MedQA.Gateway.Import;

/// <summary>
/// The import's write path for runs of new pages on PostgreSQL: one statement finds which pages exist and which slugs
/// are taken, one reserves the questions' ids, then each table's rows go in with one binary <c>COPY</c> and one
/// statement indexes the run. A page written one at a time costs three round trips; a run of 500 costs about ten.
/// Tables and columns come from each module's EF model (<see cref="CopyTable{T}"/>): the importer only orchestrates.
/// </summary>
internal sealed class PostgresCopy
{
    private readonly NpgsqlConnection _connection;
    private readonly MedQaDbContext _db;
    private readonly Dictionary<(Type, bool Keys), object> _tables = [];
    private readonly string _lookUp;
    private readonly string _reserve;

    private PostgresCopy(MedQaDbContext db, NpgsqlConnection connection)
    {
        _db = db;
        _connection = connection;
        var q = new TableSql(db, typeof(Question));
        // Per page (in order): its question's id when one has its identity, else -1 when its slug is taken, else 0.
        _lookUp = $"""
            SELECT coalesce(
                (SELECT q.{q.Column("Id")} FROM {q.Name} AS q WHERE q.{q.Column(nameof(Question.Title))} = p.title
                    AND q.{q.Column(nameof(Question.AskerAlias))} = p.alias AND q.{q.Column(nameof(Question.AskedOn))} = p.asked LIMIT 1),
                CASE WHEN EXISTS (SELECT 1 FROM {q.Name} AS s WHERE s.{q.Column(nameof(Question.Slug))} = p.slug) THEN -1 ELSE 0 END)
            FROM unnest(@titles, @aliases, @asked, @slugs) WITH ORDINALITY AS p(title, alias, asked, slug, n)
            ORDER BY p.n
            """;
        _reserve = $"SELECT nextval(pg_get_serial_sequence('{q.Name}', '{q.Entity.FindPrimaryKey()!.Properties[0].GetColumnName()}')) FROM generate_series(1, @count)";
    }

    /// <summary>The fast path on a PostgreSQL connection; null on any other database.</summary>
    public static PostgresCopy? For(MedQaDbContext db) =>
        db.Database.GetDbConnection() is NpgsqlConnection connection ? new PostgresCopy(db, connection) : null;

    private NpgsqlTransaction Transaction => (NpgsqlTransaction)(_db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("An import writes inside its session's transaction."));

    /// <summary>For each page: the id of the question with its identity; else -1 when its slug is taken, 0 when free.</summary>
    public async Task<int[]> LookUpAsync(IReadOnlyList<ParsedPage> pages, IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_lookUp, _connection, Transaction);
        command.Parameters.AddWithValue("titles", pages.Select(p => p.Title).ToArray());
        command.Parameters.AddWithValue("aliases", pages.Select(p => p.Asker.Alias).ToArray());
        command.Parameters.AddWithValue("asked", pages.Select(p => p.AskedOn).ToArray());
        command.Parameters.AddWithValue("slugs", slugs.ToArray());
        return await ReadIntsAsync(command, pages.Count, cancellationToken);
    }

    /// <summary>Takes <paramref name="count"/> ids from the questions' sequence, as inserts would.</summary>
    public async Task<int[]> ReserveIdsAsync(int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_reserve, _connection, Transaction);
        command.Parameters.AddWithValue("count", count);
        return await ReadIntsAsync(command, count, cancellationToken);
    }

    private static async Task<int[]> ReadIntsAsync(NpgsqlCommand command, int count, CancellationToken cancellationToken)
    {
        var values = new int[count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < count; i++)
        {
            values[i] = await reader.ReadAsync(cancellationToken)
                ? Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"Expected {count} rows, got {i}.");
        }
        return values;
    }

    /// <summary>
    /// Writes <paramref name="rows"/> with one binary COPY into their entity's table; with <paramref name="keys"/> the
    /// rows carry their generated key (ids reserved with <see cref="ReserveIdsAsync"/>), else the database makes it.
    /// </summary>
    public Task CopyAsync<T>(IReadOnlyList<T> rows, bool keys, CancellationToken cancellationToken) where T : class
    {
        if (!_tables.TryGetValue((typeof(T), keys), out var table))
        {
            _tables[(typeof(T), keys)] = table = new CopyTable<T>(_db, keys);
        }
        return ((CopyTable<T>)table).CopyAsync(_connection, rows, cancellationToken);
    }

    /// <summary>Indexes the questions with <paramref name="ids"/> in one statement (<see cref="Search.PostgresQuestionSearch"/>).</summary>
    public async Task IndexAsync(int[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Search.PostgresQuestionSearch.IndexManyCommand, _connection, Transaction);
        command.Parameters.AddWithValue("ids", ids);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// An entity's table as binary COPY writes it: the columns of the EF model (its value converters applied), a key the
/// database generates left out unless the rows carry it (the importer reserves the questions' ids).
/// </summary>
internal sealed class CopyTable<T> where T : class
{
    private readonly string _copy;
    private readonly (IProperty Property, ValueConverter? Converter)[] _columns;

    public CopyTable(MedQaDbContext db, bool keys)
    {
        var table = new TableSql(db, typeof(T));
        var generated = table.Entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } property] ? property : null;
        var columns = table.Entity.GetProperties().Where(p => p != generated || keys).ToArray();
        _copy = $"COPY {table.Name} ({string.Join(", ", columns.Select(table.Column))}) FROM STDIN (FORMAT BINARY)";
        _columns = columns.Select(p => (p, p.GetTypeMapping().Converter)).ToArray();
    }

    public async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var writer = await connection.BeginBinaryImportAsync(_copy, cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var (property, converter) in _columns)
            {
                var value = property.GetGetter().GetClrValue(row);
                if (converter is not null && value is not null)
                {
                    value = converter.ConvertToProvider(value);
                }
                if (value is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(value, cancellationToken);
                }
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }
}

/// <summary>
/// Rows gathered per entity type, in the order their types first came, for one COPY each; with <paramref name="keys"/>
/// the rows carry their generated keys.
/// </summary>
internal sealed class CopyRows(bool keys = false) : IRowSink
{
    private readonly List<(Type Type, IList Rows, Func<PostgresCopy, CancellationToken, Task> Copy)> _tables = [];

    public Task AddAsync<T>(T row, CancellationToken cancellationToken) where T : class
    {
        var index = _tables.FindIndex(t => t.Type == typeof(T));
        if (index < 0)
        {
            var rows = new List<T>();
            _tables.Add((typeof(T), rows, (copy, token) => copy.CopyAsync(rows, keys, token)));
            index = _tables.Count - 1;
        }
        _tables[index].Rows.Add(row);
        return Task.CompletedTask;
    }

    public async Task CopyAsync(PostgresCopy copy, CancellationToken cancellationToken)
    {
        foreach (var table in _tables)
        {
            await table.Copy(copy, cancellationToken);
        }
    }
}

/// <summary>Where a page's rows go: inserted one by one (<see cref="ImportCommands"/>) or gathered for COPY.</summary>
internal interface IRowSink
{
    Task AddAsync<T>(T row, CancellationToken cancellationToken) where T : class;
}
