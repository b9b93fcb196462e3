using GraphQL;
using GraphQL.Execution;
using MedQA.Kernel.GraphQL;

namespace MedQA.Gateway.Schema;

/// <summary>
/// Error shape for clients: <c>message</c>, <c>locations</c>, <c>path</c> and one stable <c>extensions.code</c>.
/// An unexpected exception becomes <c>INTERNAL_SERVER_ERROR</c>; its details (type names, stack traces, SQL)
/// are shown in Development only.
/// </summary>
public sealed partial class MedQaErrorInfoProvider(bool exposeDetails) : ErrorInfoProvider(options =>
{
    options.ExposeExceptionDetails = false;
    options.ExposeCodes = true;
    options.ExposeData = false;
})
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        info.Extensions?.Remove("codes");
        if (!exposeDetails)
        {
            // "Did you mean ...?" hints tell a prober the names it missed; GraphQL.NET has no switch for them.
            info.Message = Suggestions().Replace(info.Message, "");
        }
        if (executionError is Plugins.PluginError pluginError && info.Extensions is not null)
        {
            info.Extensions["plugin"] = pluginError.Plugin;
        }
        if (executionError is UnhandledError { InnerException: var cause } && CannotReachDatabase(cause))
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["code"] = DatabaseUnavailable;
            info.Message = "The catalogue cannot be read right now (its database is unavailable); try again shortly.";
            return info;
        }
        if (executionError is UnhandledError unhandled)
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["code"] = ErrorCodes.InternalError;
            if (exposeDetails)
            {
                info.Extensions["details"] = unhandled.InnerException?.ToString();
            }
            else
            {
                info.Message = "An internal error occurred while resolving this field.";
            }
        }
        return info;
    }

    /// <summary>The database cannot be opened or reached: a fault of the moment, not of the request.</summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    // GraphQL.NET ends some hints with '?' and some (unknown arguments) without.
    [System.Text.RegularExpressions.GeneratedRegex(@"\s*Did you mean [^?\n]*\??")]
    private static partial System.Text.RegularExpressions.Regex Suggestions();

    /// <summary>
    /// Whether a resolver failed because the database cannot be reached, not because of MedQA: the SQLite file gone
    /// (<see cref="Data.DatabaseUnavailableException"/>, SQLite error 14), or a server database's connection refused, cut or
    /// timed out (a transient <see cref="System.Data.Common.DbException"/>: Npgsql marks these, and EF's execution
    /// strategy wraps them).
    /// </summary>
    internal static bool CannotReachDatabase(Exception? cause)
    {
        for (var e = cause; e is not null; e = e.InnerException)
        {
            if (e is Data.DatabaseUnavailableException or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 14 }
                or System.Data.Common.DbException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }
}
