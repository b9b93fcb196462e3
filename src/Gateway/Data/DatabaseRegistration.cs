using MedQA.Gateway.Search;
using MedQA.Kernel.Data;
using MedQA.Questions.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedQA.Gateway.Data;

public static class DatabaseRegistration
{
    public const string DefaultSqliteConnection = "Data Source=data/medqa.db";

    /// <summary>
    /// Registers a pooled context factory for the configured provider, exposed to the modules as
    /// <c>IDbContextFactory&lt;MedQaDbContext&gt;</c>. Interceptors registered in DI (a test's SQL counter) are added.
    /// A batch's keys (<c>ids.Contains(...)</c>) go in one parameter (a JSON array), not EF 10's default of one
    /// parameter per key: with that default EF generated the SQL again on every execution (13% of the question page's
    /// CPU) and every key count was another statement for the database to plan.
    /// </summary>
    public static IServiceCollection AddMedQaDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString("MedQA");
        if (options.Provider is not DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"MedQA:Database:Provider is {options.Provider} but ConnectionStrings:MedQA is not set.");
        }
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddPooledDbContextFactory<SqlServerMedQaDbContext>((sp, o) => o
                    .UseSqlServer(connectionString, sqlServer => sqlServer.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .Shared(sp));
                services.AddSingleton<IDbContextFactory<MedQaDbContext>, ContextFactory<SqlServerMedQaDbContext>>();
                services.AddSingleton<IQuestionSearch, SqlServerQuestionSearch>();
                break;
            case DatabaseProvider.Postgres:
                // A request's cancellation reaches the server through Npgsql (a cancel request per running statement).
                services.AddPooledDbContextFactory<PostgresMedQaDbContext>((sp, o) => o
                    .UseNpgsql(connectionString, postgres => postgres.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .Shared(sp));
                services.AddSingleton<IDbContextFactory<MedQaDbContext>, ContextFactory<PostgresMedQaDbContext>>();
                services.AddSingleton<IQuestionSearch, PostgresQuestionSearch>();
                break;
            default:
                SqliteLibrary.Configure();
                var sqlite = SqliteConnection(connectionString);
                services.AddSingleton<SqliteFileGuard>();
                services.AddPooledDbContextFactory<SqliteMedQaDbContext>((sp, o) => o
                    .UseSqlite(sqlite, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .Shared(sp)
                    .AddInterceptors(sp.GetRequiredService<SqliteFileGuard>()));
                services.AddSingleton<IDbContextFactory<MedQaDbContext>, ContextFactory<SqliteMedQaDbContext>>();
                services.AddSingleton<IQuestionSearch, SqliteQuestionSearch>();
                services.AddSingleton<IStatementInterrupt, SqliteStatementInterrupt>();
                break;
        }
        return services;
    }

    /// <summary>
    /// What every provider's contexts share: no thread-safety checks (EF's check that a context is never used by two
    /// operations at once sets an <c>AsyncLocal</c> twice for every row read, an allocation each, about 15% of a list
    /// page's; a request's queries run one at a time on its context, <c>RequestDb</c>, and other work makes its own
    /// contexts), the registered interceptors, and failed commands, queries and connections
    /// logged at Debug. The code that met the failure says what failed (a request's rate-limited line in
    /// <c>MedQA.ServerErrors</c>, an import's summary, a reload's warning); EF's own two Error lines per failed request
    /// flooded the log while a database was unavailable (11,000 lines in 6 s under load).
    /// </summary>
    private static DbContextOptionsBuilder Shared(this DbContextOptionsBuilder options, IServiceProvider services) => options
        .EnableThreadSafetyChecks(false)
        .AddInterceptors(services.GetServices<IInterceptor>())
        .ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.QueryIterationFailed, LogLevel.Debug), (RelationalEventId.ConnectionError, LogLevel.Debug)));

    /// <summary>The SQLite connection string, with the database file's folder created.</summary>
    private static string SqliteConnection(string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqliteConnection : configured);
        if (builder.Mode is not SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } file && file != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }

    private sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<MedQaDbContext>
        where TContext : MedQaDbContext
    {
        public MedQaDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<MedQaDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
