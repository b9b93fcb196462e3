using MedQA.Gateway.Import;

namespace MedQA.Gateway.Generate;

/// <summary>Generates a synthetic catalogue and writes it through the importer's own write path, timing it.</summary>
public static class GenerateCommand
{
    public static async Task<ImportReport> RunAsync(
        PageImporter importer, int questions, int seed, CancellationToken cancellationToken = default, Action<int>? progress = null)
    {
        var report = new ImportReport();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pages = new List<(string Source, PreparedPage Page)>(ImportSession.ManyPages);
        ImportSession? session = null;
        try
        {
            session = await importer.BeginAsync(bulk: true, cancellationToken);
            await foreach (var page in ReadAhead.Of(PageGenerator.Generate(questions, seed).Select(session.Prepare), cancellationToken))
            {
                pages.Add(($"generated page {report.Imported + pages.Count + 1}", page));
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
            report.Stop(session, e); // locked, full, gone: the summary says so, as import's does
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
            // A generated page is valid by construction: one the database refuses is a fault of MedQA's, not of a page.
            await session!.ImportManyAsync(pages, report, (source, e) => throw new InvalidOperationException($"The {source} could not be written.", e), cancellationToken);
            pages.Clear();
            progress?.Invoke(report.Imported);
        }
    }
}
