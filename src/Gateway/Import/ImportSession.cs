using MedQA.Gateway.Plugins;
using MedQA.Kernel.Data;
using MedQA.Questions.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MedQA.Gateway.Import;

/// <summary>
/// One import run. A page is the same page when title, asker alias and ask date match: importing it again replaces
/// its replies, article, teasers, FAQ links and plugin values instead of adding a question. Specialties, doctors
/// and FAQ topics are shared, looked up in memory, and never duplicated.
/// </summary>
public sealed partial class ImportSession : IAsyncDisposable
{
    private readonly MedQaDbContext _db;
    private readonly PluginCatalog _plugins;
    private readonly ImportCommands _commands;
    private readonly List<PreparedPage> _written = []; // in the current transaction
    private readonly ILogger _logger;
    private readonly bool _bulk;
    private readonly PostgresCopy? _copy; // a bulk session on PostgreSQL writes runs of new pages with COPY
    private IDbContextTransaction? _transaction;
    private SharedContent _shared;

    private ImportSession(MedQaDbContext db, PluginCatalog plugins, ImportCommands commands, ILogger logger, IDbContextTransaction transaction, SharedContent shared, bool bulk)
    {
        _bulk = bulk;
        _db = db;
        _plugins = plugins;
        _commands = commands;
        _logger = logger;
        _transaction = transaction;
        _shared = shared;
        _copy = bulk ? PostgresCopy.For(db) : null;
    }

    internal static async Task<ImportSession> StartAsync(
        MedQaDbContext db, PluginCatalog plugins, IQuestionSearch search, Replicas.ICatalogueChanges changes, ILogger logger, bool bulk, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Held open for the session: the prepared statements belong to this connection, and a transaction that
        // opened the connection itself would close it, giving the next transaction another one from the pool.
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (bulk)
        {
            await BulkWriteSettings.ApplyAsync(db, cancellationToken);
        }
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new ImportSession(db, plugins, new ImportCommands(db, search, changes), logger, transaction, await SharedContent.LoadAsync(db, cancellationToken), bulk);
    }

    /// <summary>
    /// Writes one page, whole or not at all. There is no savepoint per page (on SQLite a savepoint makes every write
    /// under it journal its pages, which halved the import's speed): when a page fails, the batch's transaction is
    /// rolled back and the pages already written in it are written again, then the failure is thrown.
    /// </summary>
    public Task<ImportedPage> ImportAsync(ParsedPage page, CancellationToken cancellationToken = default) =>
        ImportAsync(Prepare(page), cancellationToken);

    /// <summary>
    /// Works out what a page needs before it is written (its plugins' values). Pure CPU work that touches no
    /// session state, so a reader thread can do it while the session writes the previous pages.
    /// </summary>
    public PreparedPage Prepare(ParsedPage page) => new(page, PluginValues(page));

    /// <inheritdoc cref="ImportAsync(ParsedPage, CancellationToken)"/>
    public async Task<ImportedPage> ImportAsync(PreparedPage page, CancellationToken cancellationToken = default)
    {
        try
        {
            var imported = await WriteAsync(page, cancellationToken);
            _written.Add(page);
            return imported;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && !DatabaseFault.Is(e))
        {
            await RewriteBatchAsync(cancellationToken);
            throw;
        }
        finally
        {
            _db.ChangeTracker.Clear();
        }
    }

    private async Task<ImportedPage> WriteAsync(PreparedPage prepared, CancellationToken cancellationToken)
    {
        var page = prepared.Page;
        var specialtyIds = await _shared.SpecialtiesAsync(_db, _commands, page, cancellationToken);
        var doctorIds = await _shared.DoctorsAsync(_commands, page, specialtyIds, cancellationToken);
        var faqIds = await _shared.FaqsAsync(_commands, page, specialtyIds, cancellationToken);
        var (questionId, slug, created) = await QuestionAsync(page, specialtyIds[page.Specialty], cancellationToken);
        await AddContentAsync(_commands, page, questionId, doctorIds, faqIds, cancellationToken);
        await AddPluginRecordsAsync(_commands, prepared, questionId, cancellationToken);
        await _commands.IndexAsync(questionId, cancellationToken);
        return new ImportedPage(questionId, slug, created);
    }
}

