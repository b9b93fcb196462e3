using SQLitePCL;

namespace MedQA.Gateway.Data;

/// <summary>
/// Process-wide settings of the SQLite library, made before its first connection. The bundled build keeps memory
/// statistics (SQLITE_DEFAULT_MEMSTATUS is not set), so every allocation of every connection takes one global mutex:
/// concurrent readers queued on it (a fifth of the search page's CPU went to futex calls). MedQA never reads those
/// statistics, so it turns them off.
/// </summary>
public static class SqliteLibrary
{
    private const int ConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS
    private static readonly Lazy<int> Configured = new(() =>
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(ConfigMemStatus, 0);
    });

    /// <summary>
    /// Configures the library once; SQLite refuses (SQLITE_MISUSE) once a connection has been opened in this process,
    /// which only costs the statistics' mutex, so the result is reported rather than thrown.
    /// </summary>
    public static int Configure() => Configured.Value;
}
