using MedQA.Gateway.Import;
using MedQA.Kernel.Data;
using MedQA.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MedQA.Gateway.Data;

/// <summary>Brings the database up to date at start, and fills an empty one with the sample pages.</summary>
public static class DatabaseSetup
{
    /// <summary>
    /// Applies pending migrations. Throws <see cref="DatabaseStartupException"/> with one line that names the database
    /// and what is wrong when it cannot be used: not a database, cannot be opened, read-only, locked, or migrated by a
    /// newer MedQA than this one.
    /// </summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        await using var db = await services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync(cancellationToken);
        var where = Describe(db);
        try
        {
            if (options.MigrateOnStart && db.Database.IsNpgsql())
            {
                // Npgsql reads the history table without asking whether it exists, and logs each read of a new
                // database as a failed statement (npgsql/efcore.pg#3407): made first, it is there to read.
                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            }
            var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(db.Database.GetMigrations()).ToList();
            if (unknown.Count > 0)
            {
                throw new DatabaseStartupException(
                    $"{where} was migrated by a newer MedQA (migration {unknown[^1]} is unknown to this build): run that version, or a backup made for this one");
            }
            if (options.MigrateOnStart)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            if (db.Database.IsSqlite())
            {
                // Readers never wait for the writer (an import) and the writer never waits for readers.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                services.GetService<SqliteFileGuard>()?.Arm();
            }
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw new DatabaseStartupException(e.SqliteErrorCode switch
            {
                26 => $"{where} is not a SQLite database (SQLite error 26): point ConnectionStrings:MedQA at a MedQA database, or at a new file",
                14 => $"{where} cannot be opened (SQLite error 14): check that its folder exists and can be written",
                8 => $"{where} is read-only (SQLite error 8): MedQA writes to it (migrations, imports, partner keys)",
                5 or 6 => $"{where} is locked by another process (SQLite error {e.SqliteErrorCode}): stop it, or wait until its import ends",
                _ => $"{where} cannot be used: {e.Message}",
            }, e);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new DatabaseStartupException($"{where} cannot be used: {e.Message}", e);
        }
    }

    /// <summary>The database as a person would name it: the SQLite file, or the server and database.</summary>
    private static string Describe(MedQaDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        return db.Database.IsSqlite() ? $"the database file {connection.DataSource}" : $"the database {connection.Database} on {connection.DataSource}";
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

/// <summary>The database cannot be used; the message says which and why, on one line.</summary>
public sealed class DatabaseStartupException(string message, Exception? inner = null) : Exception(message, inner);
