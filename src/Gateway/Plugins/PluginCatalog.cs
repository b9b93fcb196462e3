using MedQA.Kernel.Data;
using MedQA.Plugins;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// Every plugin MedQA found, and for the active ones their built container and contributions. Building a
/// plugin's container or resolving its contributions can fail too: that plugin is then FAILED, the rest go on.
/// </summary>
public sealed class PluginCatalog : IDisposable
{
    public PluginCatalog(List<LoadedPlugin> plugins, IServiceProvider host, PluginOptions options, ILogger<PluginCatalog> logger)
    {
        Plugins = plugins;
        TimeBudget = options.TimeBudget;
        var contexts = host.GetRequiredService<IDbContextFactory<MedQaDbContext>>();
        SettleNames(plugins, contexts, logger);
        foreach (var plugin in plugins.Where(p => p.IsActive))
        {
            try
            {
                plugin.Services!.AddSingleton<IPluginStore>(new PluginStore(plugin.Name, contexts));
                plugin.Services!.AddSingleton<IContentReader>(new ContentReader(contexts));
                plugin.Services!.AddSingleton(host.GetRequiredService<ILoggerFactory>());
                plugin.Services!.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
                plugin.Provider = plugin.Services!.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
                plugin.Sections = plugin.Provider.GetServices<IEnrichmentSection>().ToList();
                plugin.Parsers = plugin.Provider.GetServices<IImportSectionParser>().ToList();
                plugin.Fields = plugin.Provider.GetServices<IContentFields>().ToList();
                plugin.Guard = new PluginGuard(plugin, options.Isolation, logger);
            }
            catch (Exception e)
            {
                plugin.Fail("its services could not be built", PluginDiscovery.Describe(e));
            }
        }
        foreach (var plugin in plugins)
        {
            Report(plugin, logger);
        }
    }

    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    public TimeSpan TimeBudget { get; }

    public IEnumerable<LoadedPlugin> Active => Plugins.Where(p => p.IsActive);

    /// <summary>Stops the isolated plugins' threads.</summary>
    public void Dispose()
    {
        foreach (var plugin in Plugins)
        {
            plugin.Guard?.Dispose();
        }
    }

    /// <summary>Resolves a graph type a plugin defines, from that plugin's container.</summary>
    public object? ResolveGraphType(Type type) =>
        Active.FirstOrDefault(p => p.Assembly == type.Assembly)?.Provider?.GetService(type);

    /// <summary>
    /// Two plugins of one name (two folders whose plugin classes give the same <c>Name</c>, and with it the same
    /// settings): the one that held the name at the last start keeps it (a claim of kind <c>source</c>: the folder and
    /// file it was loaded from), whatever the folders are called; on a catalogue with no record of the name, the first
    /// in folder order (ordinal). The other is FAILED with a reason naming the holder. The holder is recorded.
    /// </summary>
    private static void SettleNames(List<LoadedPlugin> plugins, IDbContextFactory<MedQaDbContext> contexts, ILogger logger)
    {
        Dictionary<string, PluginClaim> held;
        try
        {
            using var db = contexts.CreateDbContext();
            held = db.Set<PluginClaim>().AsNoTracking().Where(c => c.Kind == PluginClaim.SourceKind).ToDictionary(c => c.Name, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning("Plugin names held at earlier starts could not be read ({Reason}); a name two plugins give goes by folder order", e.Message);
            return;
        }
        foreach (var twins in plugins.Where(p => p.Status != PluginStatus.Failed).GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            var claim = held.GetValueOrDefault(twins.Key);
            var holder = claim is null ? null : twins.FirstOrDefault(p => SourceOf(p) == claim.Plugin);
            var keeper = holder ?? twins.First();
            foreach (var other in twins.Where(p => p != keeper))
            {
                other.Fail(
                    $"another plugin is named '{twins.Key}': the one in {SourceOf(keeper)} "
                    + (holder is null ? "comes first in folder order" : $"has held the name since {claim!.ClaimedAt:yyyy-MM-dd}"),
                    $"kept: {keeper.Source}");
            }
        }
        try
        {
            using var db = contexts.CreateDbContext();
            var rows = db.Set<PluginClaim>().Where(c => c.Kind == PluginClaim.SourceKind).ToDictionary(c => c.Name, StringComparer.Ordinal);
            foreach (var plugin in plugins.Where(p => p.Status != PluginStatus.Failed))
            {
                if (!rows.TryGetValue(plugin.Name, out var row))
                {
                    db.Add(new PluginClaim { Kind = PluginClaim.SourceKind, Name = plugin.Name, Plugin = SourceOf(plugin), ClaimedAt = DateTimeOffset.UtcNow });
                }
                else if (row.Plugin != SourceOf(plugin))
                {
                    (row.Plugin, row.ClaimedAt) = (SourceOf(plugin), DateTimeOffset.UtcNow);
                }
            }
            db.SaveChanges();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            logger.LogWarning("Plugin names held at this start could not be recorded ({Reason})", e.Message);
        }
    }

    /// <summary>Where a plugin was loaded from, as its claim on its name records it: its folder and file (<c>ExternalHello/ExternalHello.dll</c>).</summary>
    private static string SourceOf(LoadedPlugin plugin)
    {
        var source = $"{Path.GetFileName(Path.GetDirectoryName(plugin.Source))}/{Path.GetFileName(plugin.Source)}";
        return source.Length <= 100 ? source : source[^100..];
    }

    internal static void Report(LoadedPlugin plugin, ILogger logger)
    {
        switch (plugin.Status)
        {
            case PluginStatus.Active:
                logger.LogInformation("Plugin {Plugin} {Version} is active ({Source})", plugin.Name, plugin.Version, plugin.Source);
                break;
            case PluginStatus.Disabled:
                logger.LogInformation("Plugin {Plugin} {Version} is disabled: {Reason}", plugin.Name, plugin.Version, plugin.Reason);
                break;
            default:
                logger.LogError("Plugin {Plugin} {Version} FAILED and is left out: {Reason} ({Source})", plugin.Name, plugin.Version, plugin.ReasonFor(operators: true), plugin.Source);
                break;
        }
    }
}
