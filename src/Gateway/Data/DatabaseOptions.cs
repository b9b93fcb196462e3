namespace MedQA.Gateway.Data;

/// <summary>Configuration section <c>MedQA:Database</c>; the connection string is <c>ConnectionStrings:MedQA</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "MedQA:Database";

    /// <summary><c>Sqlite</c> (the embedded default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the service starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}
