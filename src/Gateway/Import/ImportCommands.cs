using System.Data.Common;
using System.Globalization;
using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Questions.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MedQA.Gateway.Import;

/// <summary>
/// The commands an import session keeps prepared on its connection: the page look-ups, a row inserter
/// per entity type and the search index writer. Everything runs in the session's current transaction.
/// </summary>
internal sealed class ImportCommands : IRowSink, IDisposable
{
    private readonly MedQaDbContext _db;
    private readonly IQuestionSearch _search;
    private readonly Dictionary<(Type, bool ReturnsKey), IDisposable> _inserters = [];
    private readonly PreparedCommand _lookUp;
    private readonly PreparedCommand _index;
    private readonly PreparedCommand? _unindex;

    private readonly Replicas.ICatalogueChanges _changes;
    private readonly DbBatch? _pending;

    public ImportCommands(MedQaDbContext db, IQuestionSearch search, Replicas.ICatalogueChanges changes)
    {
        _db = db;
        _search = search;
        _changes = changes;
        var connection = db.Database.GetDbConnection();
        // A server database is a round trip away: a page's rows (replies, article, sections, teasers, FAQ links, plugin
        // values, its index entry) go in one batch. SQLite is in the process, where a statement costs no trip.
        _pending = connection is not Microsoft.Data.Sqlite.SqliteConnection && connection.CanCreateBatch ? connection.CreateBatch() : null;
        var questions = new TableSql(db, typeof(Question));
        // One statement, one round trip: the page's question by its identity, else whether its slug is taken.
        _lookUp = PreparedCommand.Create(connection,
            $"SELECT coalesce((SELECT {questions.Column("Id")} FROM {questions.Name} WHERE {questions.Column(nameof(Question.Title))} = @p0 " +
            $"AND {questions.Column(nameof(Question.AskerAlias))} = @p1 AND {questions.Column(nameof(Question.AskedOn))} = @p2), " +
            $"CASE WHEN EXISTS (SELECT 1 FROM {questions.Name} WHERE {questions.Column(nameof(Question.Slug))} = @p3) THEN -1 ELSE 0 END)",
            "@p0", "@p1", "@p2", "@p3");
        _index = PreparedCommand.Create(connection, search.IndexCommand, "@id");
        _unindex = search.UnindexCommand is { } unindex ? PreparedCommand.Create(connection, unindex, "@id") : null;
    }

    private DbTransaction Transaction => _db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("An import writes inside its session's transaction.");

    /// <summary>
    /// Runs the inserts waiting in the batch. Every other statement runs after it (reads must see the rows, a failure
    /// must be the page's that made it), and a page ends with it (<see cref="IndexAsync"/>).
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending is { BatchCommands.Count: > 0 })
        {
            _pending.Transaction = Transaction;
            try
            {
                await _pending.ExecuteNonQueryAsync(cancellationToken);
            }
            finally
            {
                _pending.BatchCommands.Clear();
            }
        }
    }

    /// <summary>Forgets the inserts waiting in the batch (their transaction was rolled back).</summary>
    public void DiscardPending() => _pending?.BatchCommands.Clear();

    /// <summary>
    /// The id of the question with the page's identity (title, asker alias, ask date); for a new page 0 when
    /// <paramref name="slug"/> is free and -1 when a question has it.
    /// </summary>
    public async Task<int> LookUpAsync(ParsedPage page, string slug, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        _lookUp.Set(0, page.Title);
        _lookUp.Set(1, page.Asker.Alias);
        _lookUp.Set(2, page.AskedOn);
        _lookUp.Set(3, slug);
        return Convert.ToInt32(await _lookUp.ScalarAsync(Transaction, cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Inserts a row: at once on SQLite, with the page's batch on a server database.</summary>
    public Task InsertAsync<T>(T row, CancellationToken cancellationToken) where T : class
    {
        if (_pending is null)
        {
            return Inserter<T>(returnKey: false).InsertAsync(row, Transaction, cancellationToken);
        }
        Inserter<T>(returnKey: false).AddTo(_pending, row);
        return Task.CompletedTask;
    }

    Task IRowSink.AddAsync<T>(T row, CancellationToken cancellationToken) => InsertAsync(row, cancellationToken);

    /// <summary>Inserts a row and returns its generated key.</summary>
    public async Task<int> InsertReturningKeyAsync<T>(T row, CancellationToken cancellationToken) where T : class
    {
        await FlushAsync(cancellationToken);
        return await Inserter<T>(returnKey: true).InsertAsync(row, Transaction, cancellationToken);
    }

    private RowInserter<T> Inserter<T>(bool returnKey) where T : class
    {
        if (!_inserters.TryGetValue((typeof(T), returnKey), out var inserter))
        {
            _inserters[(typeof(T), returnKey)] = inserter = RowInserter<T>.Create(_db, returnKey);
        }
        return (RowInserter<T>)inserter;
    }

    /// <summary>Bulk sessions that indexed at least this many pages compact the index when they finish.</summary>
    public const int OptimizeAfterPages = 1_000;

    private int _indexed;

    /// <summary>
    /// Indexes a question's text as its rows now are (<see cref="IQuestionSearch.IndexCommand"/>): the last statement
    /// of a page, sent with the page's batch.
    /// </summary>
    public async Task IndexAsync(int questionId, CancellationToken cancellationToken)
    {
        _indexed++;
        if (_pending is null)
        {
            _index.Set(0, questionId);
            await _index.ExecuteAsync(Transaction, cancellationToken);
            return;
        }
        var index = _pending.CreateBatchCommand();
        index.CommandText = _search.IndexCommand;
        var id = index.CreateParameter();
        id.ParameterName = "@id";
        id.Value = questionId;
        index.Parameters.Add(id);
        _pending.BatchCommands.Add(index);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Counts pages indexed by other means (<see cref="PostgresCopy.IndexAsync"/>), for <see cref="CompactIndexAsync"/>.</summary>
    public void CountIndexed(int pages) => _indexed += pages;

    /// <summary>Removes a question's indexed text before its rows change (<see cref="IQuestionSearch.UnindexCommand"/>).</summary>
    public async Task UnindexAsync(int questionId, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        if (_unindex is not null)
        {
            _unindex.Set(0, questionId);
            await _unindex.ExecuteAsync(Transaction, cancellationToken);
        }
    }

    /// <summary>
    /// After a large bulk session, rewrites the index compactly (<see cref="IQuestionSearch.OptimizeCommand"/>); a
    /// small import leaves the merging to the engine, since the rewrite costs as much as the whole index.
    /// </summary>
    public async Task CompactIndexAsync(CancellationToken cancellationToken)
    {
        if (_indexed >= OptimizeAfterPages && _search.OptimizeCommand is { } optimize)
        {
            await _db.Database.ExecuteSqlRawAsync(optimize, cancellationToken);
        }
    }

    /// <summary>
    /// Tells search, here and in every gateway the catalogue changes reach, that the session committed: what it
    /// indexed is in the database now.
    /// </summary>
    public Task CommittedAsync(CancellationToken cancellationToken) => _changes.PublishAsync(Replicas.CatalogueChange.Content, cancellationToken);

    public void Dispose()
    {
        foreach (var command in _inserters.Values.Concat([_lookUp, _index]))
        {
            command.Dispose();
        }
        _unindex?.Dispose();
        _pending?.Dispose();
    }
}
