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
internal sealed class ImportCommands : IDisposable
{
    private readonly MedQaDbContext _db;
    private readonly IQuestionSearch _search;
    private readonly Dictionary<(Type, bool ReturnsKey), IDisposable> _inserters = [];
    private readonly PreparedCommand _questionId;
    private readonly PreparedCommand _slugTaken;
    private readonly PreparedCommand _index;
    private readonly PreparedCommand? _unindex;

    private readonly Replicas.ICatalogueChanges _changes;

    public ImportCommands(MedQaDbContext db, IQuestionSearch search, Replicas.ICatalogueChanges changes)
    {
        _db = db;
        _search = search;
        _changes = changes;
        var connection = db.Database.GetDbConnection();
        var questions = new TableSql(db, typeof(Question));
        _questionId = PreparedCommand.Create(connection,
            $"SELECT {questions.Column("Id")} FROM {questions.Name} WHERE {questions.Column(nameof(Question.Title))} = @p0 " +
            $"AND {questions.Column(nameof(Question.AskerAlias))} = @p1 AND {questions.Column(nameof(Question.AskedOn))} = @p2", "@p0", "@p1", "@p2");
        _slugTaken = PreparedCommand.Create(connection,
            $"SELECT 1 FROM {questions.Name} WHERE {questions.Column(nameof(Question.Slug))} = @p0", "@p0");
        _index = PreparedCommand.Create(connection, search.IndexCommand, "@id");
        _unindex = search.UnindexCommand is { } unindex ? PreparedCommand.Create(connection, unindex, "@id") : null;
    }

    private DbTransaction Transaction => _db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("An import writes inside its session's transaction.");

    /// <summary>The id of the question with this identity (title, asker alias, ask date), or 0.</summary>
    public async Task<int> QuestionIdAsync(ParsedPage page, CancellationToken cancellationToken)
    {
        _questionId.Set(0, page.Title);
        _questionId.Set(1, page.Asker.Alias);
        _questionId.Set(2, page.AskedOn);
        return await _questionId.ScalarAsync(Transaction, cancellationToken) is { } id ? Convert.ToInt32(id, CultureInfo.InvariantCulture) : 0;
    }

    public async Task<bool> SlugTakenAsync(string slug, CancellationToken cancellationToken)
    {
        _slugTaken.Set(0, slug);
        return await _slugTaken.ScalarAsync(Transaction, cancellationToken) is not null;
    }

    public Task InsertAsync<T>(T row, CancellationToken cancellationToken) where T : class =>
        Inserter<T>(returnKey: false).InsertAsync(row, Transaction, cancellationToken);

    /// <summary>Inserts a row and returns its generated key.</summary>
    public Task<int> InsertReturningKeyAsync<T>(T row, CancellationToken cancellationToken) where T : class =>
        Inserter<T>(returnKey: true).InsertAsync(row, Transaction, cancellationToken);

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

    /// <summary>Indexes a question's text as its rows now are (<see cref="IQuestionSearch.IndexCommand"/>).</summary>
    public Task IndexAsync(int questionId, CancellationToken cancellationToken)
    {
        _indexed++;
        _index.Set(0, questionId);
        return _index.ExecuteAsync(Transaction, cancellationToken);
    }

    /// <summary>Removes a question's indexed text before its rows change (<see cref="IQuestionSearch.UnindexCommand"/>).</summary>
    public Task UnindexAsync(int questionId, CancellationToken cancellationToken)
    {
        if (_unindex is null)
        {
            return Task.CompletedTask;
        }
        _unindex.Set(0, questionId);
        return _unindex.ExecuteAsync(Transaction, cancellationToken);
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
        foreach (var command in _inserters.Values.Concat([_questionId, _slugTaken, _index]))
        {
            command.Dispose();
        }
        _unindex?.Dispose();
    }
}
