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
        await using var session = await importer.BeginAsync(bulk: true, cancellationToken);
        await foreach (var page in ReadAhead.Of(PageGenerator.Generate(questions, seed).Select(session.Prepare), cancellationToken))
        {
            await session.ImportCountedAsync(page, report, cancellationToken);
            progress?.Invoke(report.Imported);
        }
        await session.FinishAsync(cancellationToken);
        report.Elapsed = clock.Elapsed;
        return report;
    }
}
