using System.Collections.Concurrent;
using GraphQL.DataLoader;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using MedQA.Plugins;

namespace MedQA.Gateway.Plugins;

/// <summary>Request-scoped: one batch loader per plugin section, so a plugin is called once per level, not per item.</summary>
public sealed class EnrichmentLoaders(RequestDb requestDb, PluginBudgets budgets)
{
    private readonly PluginRecordBatch _records = new(requestDb);
    private readonly ConcurrentDictionary<IEnrichmentSection, BatchLoader<int, PluginSection?>> _loaders = new();

    public IDataLoaderResult<PluginSection?> Load(LoadedPlugin plugin, IEnrichmentSection section, int contentId) =>
        _loaders.GetOrAdd(section, _ => new BatchLoader<int, PluginSection?>(async (ids, cancellationToken) =>
        {
            var sections = await plugin.Guard!.RunAsync(token =>
            {
                PluginRecordBatch.Current = _records; // flows into the plugin's calls to its store, and only there
                return section.LoadAsync(ids, token);
            }, budgets, cancellationToken);
            return sections.ToDictionary(s => s.Key, s => (PluginSection?)new PluginSection(plugin, section.TypeName, s.Value));
        }, null)).Load(contentId);
}
