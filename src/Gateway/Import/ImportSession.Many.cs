using System.Data.Common;
using MedQA.Kernel;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Import;

/// <summary>
/// Pages handed over together (files, generated pages). On PostgreSQL, runs of new pages go through binary COPY
/// (<see cref="PostgresCopy"/>); every other page, and every page elsewhere, is written one at a time. Either way the
/// outcome is what writing the pages one by one in their order gives: the same updates, the same slugs.
/// </summary>
public sealed partial class ImportSession
{
    /// <summary>How many pages callers hand over at once (<see cref="ImportManyAsync"/>).</summary>
    public const int ManyPages = 500;

    /// <summary>
    /// What makes one page fail rather than the whole import: its text, its file, or what the database said of its rows
    /// (not a fault of the database as a whole: <see cref="DatabaseFault"/>).
    /// </summary>
    public static bool IsPageFailure(Exception e) =>
        (e is PageFormatException or DbException or DbUpdateException or IOException or UnauthorizedAccessException) && !DatabaseFault.Is(e);

    private (int Created, int Updated) _uncommitted;

    /// <summary>Pages counted as imported whose batch is not committed yet: lost if the session ends now.</summary>
    public (int Created, int Updated) Uncommitted => _uncommitted;

    private void Count(ImportReport report, ImportedPage page)
    {
        report.Count(page);
        _uncommitted = page.Created ? (_uncommitted.Created + 1, _uncommitted.Updated) : (_uncommitted.Created, _uncommitted.Updated + 1);
    }

    /// <summary>
    /// Imports <paramref name="pages"/> in order, counting each in <paramref name="report"/> or telling
    /// <paramref name="failed"/> why it was not written (each page whole or not at all), and commits every
    /// <see cref="BatchSize"/> pages.
    /// </summary>
    public async Task ImportManyAsync(
        IReadOnlyList<(string Source, PreparedPage Page)> pages, ImportReport report, Func<string, Exception, Task> failed, CancellationToken cancellationToken = default)
    {
        if (_copy is null)
        {
            foreach (var (source, page) in pages)
            {
                await ImportOneAsync(source, page, report, failed, cancellationToken);
            }
        }
        else
        {
            await CopyManyAsync(_copy, pages, report, failed, cancellationToken);
        }
        if (_written.Count >= BatchSize)
        {
            await CommitAsync(cancellationToken);
        }
    }

    private async Task<ImportedPage?> ImportOneAsync(
        string source, PreparedPage page, ImportReport report, Func<string, Exception, Task> failed, CancellationToken cancellationToken)
    {
        try
        {
            var imported = await ImportAsync(page, cancellationToken);
            Count(report, imported);
            return imported;
        }
        catch (Exception e) when (IsPageFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            await failed(source, e);
            return null;
        }
    }

    /// <summary>
    /// One look-up for all the pages, then runs of pages that are new, free of each other (no identity or slug twice)
    /// and whose slugs are free, written with COPY; a page that updates a question or needs another slug ends the run and
    /// is written alone, in its place, so later pages see what it took.
    /// </summary>
    private async Task CopyManyAsync(
        PostgresCopy copy, IReadOnlyList<(string Source, PreparedPage Page)> pages, ImportReport report, Func<string, Exception, Task> failed,
        CancellationToken cancellationToken)
    {
        var slugs = pages.Select(p => Slug.From(p.Page.Page.Title, "question")).ToList();
        await _commands.FlushAsync(cancellationToken);
        var found = await copy.LookUpAsync(pages.Select(p => p.Page.Page).ToList(), slugs, cancellationToken);
        var identities = new HashSet<(string Title, string? Alias, DateOnly AskedOn)>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var run = new List<(string Source, PreparedPage Page, string Slug)>();
        for (var i = 0; i < pages.Count; i++)
        {
            var (source, page) = pages[i];
            var identity = (page.Page.Title, page.Page.Asker.Alias, page.Page.AskedOn);
            if (found[i] == 0 && identities.Add(identity) && taken.Add(slugs[i]))
            {
                run.Add((source, page, slugs[i]));
                continue;
            }
            await CopyRunAsync(copy, run, report, failed, cancellationToken);
            run.Clear();
            identities.Add(identity);
            if (await ImportOneAsync(source, page, report, failed, cancellationToken) is { } imported)
            {
                taken.Add(imported.Slug);
            }
        }
        await CopyRunAsync(copy, run, report, failed, cancellationToken);
    }

    /// <summary>
    /// Writes a run of new pages: their shared content, ids from the questions' sequence, one COPY per table, one index
    /// statement. If the database refuses any of it, the batch is rolled back and written again, and the run's pages
    /// are written one at a time, so the page at fault is named and the others still land.
    /// </summary>
    private async Task CopyRunAsync(
        PostgresCopy copy, List<(string Source, PreparedPage Page, string Slug)> run, ImportReport report, Func<string, Exception, Task> failed,
        CancellationToken cancellationToken)
    {
        if (run.Count == 0)
        {
            return;
        }
        int[] ids;
        try
        {
            ids = await copy.ReserveIdsAsync(run.Count, cancellationToken);
            var questions = new CopyRows(keys: true);
            var rows = new CopyRows();
            for (var i = 0; i < run.Count; i++)
            {
                var page = run[i].Page.Page;
                var specialtyIds = await _shared.SpecialtiesAsync(_db, _commands, page, cancellationToken);
                var doctorIds = await _shared.DoctorsAsync(_commands, page, specialtyIds, cancellationToken);
                var faqIds = await _shared.FaqsAsync(_commands, page, specialtyIds, cancellationToken);
                var question = NewQuestion(page, run[i].Slug, specialtyIds[page.Specialty]);
                question.Id = ids[i];
                await questions.AddAsync(question, cancellationToken);
                await AddContentAsync(rows, page, ids[i], doctorIds, faqIds, cancellationToken);
                await AddPluginRecordsAsync(rows, run[i].Page, ids[i], cancellationToken);
            }
            await questions.CopyAsync(copy, cancellationToken);
            await rows.CopyAsync(copy, cancellationToken);
            await copy.IndexAsync(ids, cancellationToken);
            _commands.CountIndexed(run.Count);
        }
        catch (Exception e) when (IsPageFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("A run of {Pages} pages could not be copied ({Problem}); writing them one at a time", run.Count, e.GetBaseException().Message);
            await RewriteBatchAsync(cancellationToken);
            foreach (var (source, page, _) in run)
            {
                await ImportOneAsync(source, page, report, failed, cancellationToken);
            }
            return;
        }
        for (var i = 0; i < run.Count; i++)
        {
            Count(report, new ImportedPage(ids[i], run[i].Slug, Created: true));
            _written.Add(run[i].Page);
        }
    }
}
