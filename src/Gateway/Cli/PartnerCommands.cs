using MedQA.Gateway.Data;
using MedQA.Gateway.Partners;

namespace MedQA.Gateway.Cli;

/// <summary>
/// <c>partners add &lt;name&gt; [--origin https://site]...</c>, <c>partners list</c>, <c>partners revoke &lt;name&gt;</c>,
/// <c>partners documents &lt;name&gt; &lt;file.graphql&gt;...</c>.
/// </summary>
internal static class PartnerCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] positional, IReadOnlyList<string> origins, Func<string, string> fromCaller)
    {
        await services.MigrateAsync();
        var admin = services.GetRequiredService<PartnerAdmin>();
        try
        {
            switch (positional)
            {
                case ["add", var name]:
                    var key = await admin.AddAsync(name, origins);
                    Console.WriteLine($"Partner '{name}' added. Its API key, shown this once (send it as {PartnerKeys.Header}):");
                    Console.WriteLine(key);
                    return 0;
                case ["list"]:
                    foreach (var (partner, documents) in await admin.ListAsync())
                    {
                        Console.WriteLine($"{partner.Name,-24} {partner.KeyPrefix}...  {(partner.RevokedAt is null ? "active " : "REVOKED")}  " +
                            $"{documents} document(s)  origins: {(partner.Origins.Length > 0 ? partner.Origins : "none")}");
                    }
                    return 0;
                case ["revoke", var name]:
                    await admin.RevokeAsync(name);
                    Console.WriteLine($"Partner '{name}' revoked: its key is refused from now on.");
                    return 0;
                case ["documents", var name, .. var files] when files.Length > 0:
                    foreach (var (file, id) in await admin.AddDocumentsAsync(name, files.Select(fromCaller).ToList()))
                    {
                        Console.WriteLine($"{id}  {file}");
                    }
                    return 0;
                default:
                    Console.Error.WriteLine("Usage: partners add <name> [--origin https://site]... | partners list | partners revoke <name> | partners documents <name> <file.graphql>...");
                    return 2;
            }
        }
        catch (PartnerException e)
        {
            Console.Error.WriteLine($"partners: {e.Message}");
            return 1;
        }
    }
}
