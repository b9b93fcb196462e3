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
