using MedQA.Plugins.Testing;

namespace MedQA.Tests.Support;

/// <summary>
/// What a test needs to know of the database the suite runs on: SQLite, or PostgreSQL when
/// <c>MEDQA_TEST_POSTGRES</c> is set (<see cref="MedQaPluginHost"/>). Tests that read SQLite's own files, pragmas or
/// plans, or that compare executions rather than databases, carry the trait <c>Database=Sqlite</c> and are left out of
/// the PostgreSQL run (.ci/run: <c>--filter Database!=Sqlite</c>).
/// </summary>
public static class TestDatabase
{
    /// <summary>The trait of tests that hold for SQLite only.</summary>
    public const string Trait = "Database";

    /// <summary>The trait's value for them.</summary>
    public const string SqliteOnly = "Sqlite";

    public static bool OnPostgres => MedQaPluginHost.OnPostgres;

    /// <summary>How a batch's keys reach the database as one parameter: a JSON array on SQLite, an array on PostgreSQL.</summary>
    public static string ArrayParameter => OnPostgres ? "= ANY (" : "json_each";

    /// <summary>The ranking function of full-text search.</summary>
    public static string Ranking => OnPostgres ? "ts_rank" : "bm25";

    /// <summary>
    /// The statements a request ran, without the partner directory's refresh (partners and app documents, read at
    /// start and every few seconds by a background service, whenever it falls).
    /// </summary>
    public static List<string> RequestStatements(this SqlStatementCounter counter) => counter.Commands
        .Where(c => !c.Contains("\"Partner", StringComparison.Ordinal) && !c.Contains("\"AppDocuments\"", StringComparison.Ordinal))
        .ToList();
}
