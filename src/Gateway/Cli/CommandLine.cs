using MedQA.Gateway.Data;
using MedQA.Gateway.Import;
using MedQA.Gateway.Schema;

namespace MedQA.Gateway.Cli;

/// <summary>
/// The verbs the gateway runs instead of serving: <c>import &lt;file-or-folder&gt;...</c>, <c>export &lt;folder&gt;</c>,
/// <c>schema export [path]</c>, <c>generate</c> and <c>partners</c>. Options such as <c>--ConnectionStrings:MedQA=...</c> apply as when serving.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["import", "export", "documents", "plugins", "schema", "generate", "partners", "help", "--help"];

    /// <summary>The flags a verb takes itself (<c>--questions 1000</c>), as opposed to configuration options.</summary>
    private static readonly string[] VerbFlags = ["--questions", "--seed", "--origin", "--specialty", "--since"];

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
        args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=') && !IsVerbFlag(a)).ToArray();

    private static bool IsVerbFlag(string arg) => VerbFlags.Any(f => arg == f || arg.StartsWith(f + "=", StringComparison.Ordinal));

    /// <summary>The value of a verb flag, given as <c>--flag value</c> or <c>--flag=value</c>; null when not given.</summary>
    private static string? Flag(string[] args, string flag)
    {
        for (var i = 1; i < args.Length; i++)
        {
            var value = args[i] == flag && i + 1 < args.Length ? args[i + 1]
                : args[i].StartsWith(flag + "=", StringComparison.Ordinal) ? args[i][(flag.Length + 1)..] : null;
            if (value is not null)
            {
                return value;
            }
        }
        return null;
    }

    private static int Flag(string[] args, string flag, int fallback) =>
        Flag(args, flag) is not { } value ? fallback
        : int.TryParse(value, out var number) && number >= 0 ? number
        : throw new ArgumentException($"{flag} takes a whole number, not '{value}'.");

    private static DateOnly? DateFlag(string[] args, string flag) =>
        Flag(args, flag) is not { } value ? null
        : PagePatterns.Date(value) ?? throw new ArgumentException($"{flag} takes a date, YYYY-MM-DD, not '{value}'.");

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var flagValues = args.Skip(1).Zip(args.Skip(2)).Where(p => VerbFlags.Contains(p.First)).Select(p => p.Second).ToHashSet();
        var positional = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !flagValues.Contains(a)).ToArray();
        if (args.Skip(1).FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=') && !IsVerbFlag(a)) is { } option)
        {
            Console.Error.WriteLine($"'{option}': give options to a verb as --Key=value.");
            return 2;
        }
        var paths = positional.Select(FromCaller).ToArray();
        switch (args[0].ToLowerInvariant())
        {
            case "import" when positional.Length > 0:
                await services.MigrateAsync();
                ImportReport report;
                using (var progress = CliProgress.ForConsole(PageFiles.Find(paths).Count()))
                {
                    report = await services.GetRequiredService<PageImportRunner>().ImportAsync(paths, Console.Error, progress: progress.Report);
                }
                Console.WriteLine(report);
                return report.Failed.Count == 0 && report.Stopped is null ? 0 : 1;
            case "export" when positional.Length == 1:
                try
                {
                    var filter = new Export.ExportFilter(Flag(args, "--specialty"), DateFlag(args, "--since"));
                    await services.MigrateAsync();
                    var exported = await services.GetRequiredService<Export.PageExporter>().ExportAsync(paths[0], filter, Console.Error);
                    Console.WriteLine($"{exported} to {paths[0]}");
                    return exported.Failed.Count == 0 ? 0 : 1;
                }
                catch (ArgumentException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return 2;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"export: cannot write to {paths[0]}: {e.Message}");
                    return 1;
                }
            case "plugins" when positional is ["backfill", var plugin]:
                await services.MigrateAsync();
                try
                {
                    var (pages, values) = await services.GetRequiredService<Plugins.PluginBackfill>().RunAsync(plugin);
                    Console.WriteLine($"{plugin}: {values} value(s) stored from {pages} page(s) with an article");
                    return 0;
                }
                catch (Plugins.PluginBackfillException e)
                {
                    Console.Error.WriteLine($"plugins backfill: {e.Message}");
                    return 1;
                }
            case "documents":
                return await AppDocumentCommands.RunAsync(services, positional, FromCaller);
            case "partners":
                var origins = args.Skip(1).Zip(args.Skip(2)).Where(p => p.First == "--origin").Select(p => p.Second)
                    .Concat(args.Where(a => a.StartsWith("--origin=", StringComparison.Ordinal)).Select(a => a["--origin=".Length..])).ToList();
                return await PartnerCommands.RunAsync(services, positional, origins, FromCaller);
            case "generate":
                int questions, seed;
                try
                {
                    (questions, seed) = (Flag(args, "--questions", 1000), Flag(args, "--seed", 42));
                }
                catch (ArgumentException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return 2;
                }
                await services.MigrateAsync();
                ImportReport generated;
                using (var progress = CliProgress.ForConsole(questions))
                {
                    generated = await Generate.GenerateCommand.RunAsync(services.GetRequiredService<PageImporter>(), questions, seed, progress: progress.Report);
                }
                Console.WriteLine($"generated (seed {seed}): {generated}");
                return generated.Stopped is null ? 0 : 1;
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
                      export <folder> [--specialty S] [--since YYYY-MM-DD]  write questions back as pages, one per slug
                      generate [--questions N] [--seed S]  write N synthetic pages (default 1000, seed 42) and exit
                      partners add|list|revoke|documents ...  manage partner API keys and their persisted documents
                      documents add <app> <manifest.json|file.graphql>... | documents list  first-party apps' trusted documents
                      plugins backfill <name>        store a plugin's import values for the pages already imported
                      schema export [path]           write the GraphQL schema (SDL) to path, or to stdout
                    """);
                return args[0] is "help" or "--help" ? 0 : 2;
        }
    }
}
