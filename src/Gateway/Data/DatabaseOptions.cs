namespace MedQA.Gateway.Data;

/// <summary>Configuration section <c>MedQA:Database</c>; the connection string is <c>ConnectionStrings:MedQA</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "MedQA:Database";

    /// <summary><c>Sqlite</c> (the embedded default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the service starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// EF's check that a context is never used by two operations at once, which sets an <c>AsyncLocal</c> twice for
    /// every row read (an allocation each). Off: a request's queries run one at a time on its context
    /// (<c>RequestDb</c>), and other work (imports, refreshes) makes its own contexts. The tests turn it on, so a
    /// change that shares a context between concurrent operations fails them.
    /// </summary>
    public bool ThreadSafetyChecks { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}
