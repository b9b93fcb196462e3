using System.Collections.Concurrent;
using GraphQL.DataLoader;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using MedQA.Plugins;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// Request-scoped: one batch loader per plugin section and per batched plugin field, so a plugin is called once per
/// level, not per item.
/// </summary>
public sealed class EnrichmentLoaders(RequestDb requestDb, PluginBudgets budgets)
{
    private readonly PluginRecordBatch _records = new(requestDb);
    private readonly ConcurrentDictionary<IEnrichmentSection, BatchLoader<int, PluginSection?>> _loaders = new();
    private readonly ConcurrentDictionary<BatchedFieldResolver, BatchLoader<int, object?>> _fields = new();

    /// <summary>A batched field's value for one item, its batch loaded through the plugin's guard.</summary>
    internal IDataLoaderResult<object?> Load(LoadedPlugin plugin, BatchedFieldResolver field, int contentId) =>
        _fields.GetOrAdd(field, _ => new BatchLoader<int, object?>((ids, cancellationToken) => plugin.Guard!.RunAsync(token =>
        {
            PluginRecordBatch.Current = _records;
            return field.Load(ids, token);
        }, budgets, cancellationToken), null)).Load(contentId);

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
