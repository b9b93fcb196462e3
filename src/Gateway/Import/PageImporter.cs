using MedQA.Gateway.Plugins;
using MedQA.Kernel.Data;
using MedQA.Questions.Search;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Import;

/// <summary>
/// Opens import sessions: pages are written in batches (one transaction per batch), each page whole or not at all, so
/// each page is written whole or not at all, and a bad page never takes the rest of its batch with it.
/// </summary>
public sealed class PageImporter(
    IDbContextFactory<MedQaDbContext> contexts, PluginCatalog plugins, IQuestionSearch search, Replicas.ICatalogueChanges changes, ILogger<PageImporter> logger)
{
    /// <summary>
    /// Starts an import session. A <paramref name="bulk"/> session (many pages: files, generate) tunes its connection
    /// for long runs of writes (<see cref="BulkWriteSettings"/>) until it is finished.
    /// </summary>
    public async Task<ImportSession> BeginAsync(bool bulk = false, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            return await ImportSession.StartAsync(db, plugins, search, changes, logger, bulk, cancellationToken);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Imports one page in a transaction of its own.</summary>
    public async Task<ImportedPage> ImportAsync(ParsedPage page, CancellationToken cancellationToken = default)
    {
        await using var session = await BeginAsync(cancellationToken: cancellationToken);
        var imported = await session.ImportAsync(page, cancellationToken);
        await session.FinishAsync(cancellationToken);
        return imported;
    }
}

/// <summary>What an import wrote: the question's id and slug, and whether it was new.</summary>
public sealed record ImportedPage(int QuestionId, string Slug, bool Created);
