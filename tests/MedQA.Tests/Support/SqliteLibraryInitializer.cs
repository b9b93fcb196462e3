using System.Runtime.CompilerServices;
using MedQA.Gateway.Data;

namespace MedQA.Tests.Support;

internal static class SqliteLibraryInitializer
{
    /// <summary>
    /// As the gateway does when it registers its database, before any test opens a connection: SQLite takes its
    /// process-wide settings only before the first one, and some tests open their own.
    /// </summary>
    [ModuleInitializer]
    internal static void Configure() => SqliteLibrary.Configure();
}
