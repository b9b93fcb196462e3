using MedQA.Gateway.Data;
using MedQA.Gateway.Import;
using MedQA.Gateway.Schema;

namespace MedQA.Gateway.Cli;

/// <summary>
/// The verbs the gateway runs instead of serving: <c>import &lt;file-or-folder&gt;...</c> and
/// <c>schema export [path]</c>. Options such as <c>--ConnectionStrings:MedQA=...</c> apply as when serving.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["import", "schema", "help", "--help"];

    /// <summary>
    /// A path as the caller meant it: `dotnet run --project src/Gateway` starts the gateway in its project folder,
    /// so a relative path is taken from the shell's folder (PWD) when there is one.
    /// </summary>
    private static string FromCaller(string path) =>
        Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } caller || !Directory.Exists(caller)
            ? Path.GetFullPath(path)
            : Path.GetFullPath(Path.Combine(caller, path));

    /// <summary>The <c>--Key=value</c> options of a verb's arguments, for the configuration.</summary>
    public static string[] Options(string[] args) =>
        args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray();

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var positional = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (args.Skip(1).FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=')) is { } option)
        {
            Console.Error.WriteLine($"'{option}': give options to a verb as --Key=value.");
            return 2;
        }
        var paths = positional.Select(FromCaller).ToArray();
        switch (args[0].ToLowerInvariant())
        {
            case "import" when positional.Length > 0:
                await services.MigrateAsync();
                var report = await services.GetRequiredService<PageImportRunner>().ImportAsync(paths, Console.Error);
                Console.WriteLine(report);
                return report.Failed.Count == 0 ? 0 : 1;
            case "schema" when positional is ["export", ..]:
                var sdl = SchemaExport.Print(services.GetRequiredService<MedQaSchema>());
                if (positional.Length > 1)
                {
                    await File.WriteAllTextAsync(paths[1], sdl);
                    Console.WriteLine($"Wrote the schema to {paths[1]}");
                }
                else
                {
                    Console.Write(sdl);
                }
                return 0;
            default:
                Console.Error.WriteLine("""
                    Usage: dotnet run --project src/Gateway -- [verb]
                      (no verb)                      serve GraphQL on http://localhost:5080/graphql
                      import <file-or-folder>...     import question pages (*.txt in folders) and exit
                      schema export [path]           write the GraphQL schema (SDL) to path, or to stdout
                    """);
                return args[0] is "help" or "--help" ? 0 : 2;
        }
    }
}
