namespace MedQA.Gateway.Import;

/// <summary>
/// Imports page files in one session, committing every <see cref="ImportSession.BatchSize"/> pages; each page is written whole
/// or not at all. A bad file is reported as <c>file:line: problem</c>, nothing of it is written, and the other
/// files still import.
/// </summary>
public sealed class PageImportRunner(PageImporter importer, ILogger<PageImportRunner> logger, IConfiguration configuration)
{
    /// <param name="progress">Told how many files are done after each one (the CLI's progress bar).</param>
    public async Task<ImportReport> ImportAsync(IEnumerable<string> paths, TextWriter errors, CancellationToken cancellationToken = default, Action<int>? progress = null)
    {
        var report = new ImportReport();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pages = new List<(string Source, PreparedPage Page)>(ImportSession.ManyPages);
        ImportSession? session = null;
        try
        {
            session = await importer.BeginAsync(bulk: true, cancellationToken);
            await foreach (var (file, page, failure) in ReadAhead.Of(ReadAsync(PageFiles.Find(paths), session, MaxPageBytes, cancellationToken), cancellationToken))
            {
                if (failure is not null)
                {
                    await FailedAsync(file, failure);
                    continue;
                }
                pages.Add((file, page!));
                if (pages.Count == ImportSession.ManyPages)
                {
                    await WriteAsync();
                }
            }
            await WriteAsync();
            await session.FinishAsync(cancellationToken);
        }
        catch (Exception e) when (DatabaseFault.Is(e))
        {
            report.Stop(session, e);
            logger.LogError(e, "The import stopped: the database failed");
            await errors.WriteLineAsync($"import stopped: {report.Stopped}");
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
        report.Elapsed = clock.Elapsed;
        return report;

        async Task WriteAsync()
        {
            await session.ImportManyAsync(pages, report, FailedAsync, cancellationToken);
            pages.Clear();
            progress?.Invoke(report.Imported + report.Failed.Count);
        }

        async Task FailedAsync(string file, Exception e)
        {
            if (e is PageFormatException format)
            {
                report.Failed.Add($"{file}:{format.Line}: {format.Problem}");
                await errors.WriteLineAsync($"{file}:{format.Line}: {format.Problem}");
                return;
            }
            logger.LogError(e, "Importing {File} failed", file);
            report.Failed.Add($"{file}:1: {e.GetBaseException().Message}");
            await errors.WriteLineAsync($"{file}:1: could not be imported: {e.GetBaseException().Message}");
        }
    }

    private long MaxPageBytes => configuration.GetValue("MedQA:Import:MaxPageBytes", (long)PageFiles.DefaultMaxPageBytes);

    /// <summary>Each file read, parsed and prepared, or what stopped it (run ahead of the writer).</summary>
    private static async IAsyncEnumerable<(string File, PreparedPage? Page, Exception? Failure)> ReadAsync(
        IEnumerable<string> files, ImportSession session, long maxPageBytes, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            PreparedPage? page = null;
            Exception? failure = null;
            try
            {
                page = File.Exists(file)
                    ? session.Prepare(PageParser.Parse(await PageFiles.ReadAsync(file, cancellationToken, maxPageBytes)))
                    : throw new PageFormatException(1, "no such file or folder");
            }
            catch (Exception e) when (e is PageFormatException or IOException or UnauthorizedAccessException)
            {
                failure = e;
            }
            yield return (file, page, failure);
        }
    }
}

public sealed class ImportReport
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public List<string> Failed { get; } = [];

    /// <summary>Why the import stopped before its last page (a fault of the database as a whole), or null.</summary>
    public string? Stopped { get; set; }

    public TimeSpan Elapsed { get; set; }

    public int Imported => Created + Updated;

    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Imported / Elapsed.TotalSeconds : 0;

    /// <summary>
    /// Ends the report at a fault of the database as a whole: the batch in progress is rolled back (by the session's
    /// disposal), so its pages are taken off the counts; those of committed batches are written, each whole.
    /// </summary>
    public void Stop(ImportSession? session, Exception fault)
    {
        var (created, updated) = session?.Uncommitted ?? default;
        Created -= created;
        Updated -= updated;
        Stopped = $"{fault.GetBaseException().Message} ({created + updated} page(s) of the batch in progress rolled back)";
    }

    public void Count(ImportedPage page)
    {
        if (page.Created)
        {
            Created++;
        }
        else
        {
            Updated++;
        }
    }

    public override string ToString() =>
        $"{Imported} pages imported ({Created} new, {Updated} updated), {Failed.Count} failed, " +
        $"in {Elapsed.TotalSeconds:0.00} s ({PagesPerSecond:0} pages/s)" + (Stopped is null ? "" : $"; stopped early: {Stopped}");
}
