using MedQA.Gateway.Import;
using MedQA.Kernel.Data;
using MedQA.Questions;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Data;

/// <summary>Brings the database up to date at start, and fills an empty one with the sample pages.</summary>
public static class DatabaseSetup
{
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        await using var db = await services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync(cancellationToken);
        if (options.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.Database.IsSqlite())
        {
            // Readers never wait for the writer (an import) and the writer never waits for readers.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public static async Task ImportSamplesIfEmptyAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var samples = services.GetRequiredService<IConfiguration>().GetSection(SampleOptions.Section).Get<SampleOptions>() ?? new SampleOptions();
        await using (var db = await services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (!samples.ImportWhenEmpty || await db.Set<Question>().AnyAsync(cancellationToken))
            {
                return;
            }
        }
        var logger = services.GetRequiredService<ILogger<PageImportRunner>>();
        var path = samples.Path ?? Path.Combine(AppContext.BaseDirectory, "samples", "pages");
        if (!Directory.Exists(path))
        {
            logger.LogWarning("The database is empty and the sample folder {Path} does not exist: nothing imported", path);
            return;
        }
        var report = await services.GetRequiredService<PageImportRunner>().ImportAsync([path], TextWriter.Null, cancellationToken);
        logger.LogInformation("The database was empty: imported the sample pages from {Path}: {Report}", path, report);
        foreach (var failure in report.Failed)
        {
            logger.LogWarning("Sample page not imported: {Failure}", failure);
        }
    }
}

/// <summary>Configuration section <c>MedQA:Samples</c>.</summary>
public sealed class SampleOptions
{
    public const string Section = "MedQA:Samples";

    /// <summary>Import the sample pages when the database has no question.</summary>
    public bool ImportWhenEmpty { get; set; } = true;

    /// <summary>The folder of sample pages; default <c>samples/pages</c> beside the gateway's binaries.</summary>
    public string? Path { get; set; }
}
