using MedQA.Gateway.Data;
using MedQA.Gateway.Partners;

namespace MedQA.Gateway.Cli;

/// <summary>
/// <c>documents add &lt;app&gt; &lt;persisted-documents.json | file.graphql&gt;...</c> and <c>documents list</c>: a
/// first-party app's trusted documents, run by hash on the public endpoint.
/// </summary>
internal static class AppDocumentCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] positional, Func<string, string> fromCaller)
    {
        await services.MigrateAsync();
        var admin = services.GetRequiredService<PartnerAdmin>();
        try
        {
            switch (positional)
            {
                case ["add", var app, .. var files] when files.Length > 0:
                    var added = await admin.AddAppDocumentsAsync(app, files.Select(fromCaller).ToList());
                    foreach (var (source, id) in added)
                    {
                        Console.WriteLine($"{id}  {source}");
                    }
                    Console.WriteLine($"{added.Count} document(s) registered for '{app}'.");
                    return 0;
                case ["list"]:
                    foreach (var (app, count) in await admin.ListAppsAsync())
                    {
                        Console.WriteLine($"{app,-24} {count} document(s)");
                    }
                    return 0;
                default:
                    Console.Error.WriteLine("Usage: documents add <app> <persisted-documents.json | file.graphql>... | documents list");
                    return 2;
            }
        }
        catch (PartnerException e)
        {
            Console.Error.WriteLine($"documents: {e.Message}");
            return 1;
        }
    }
}
