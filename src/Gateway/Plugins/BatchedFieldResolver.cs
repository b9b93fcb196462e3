using GraphQL;
using GraphQL.Resolvers;
using MedQA.Plugins;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// The resolver of a batched plugin field (<see cref="IContentFieldRegistry.AddBatchedField{TGraphType, TValue}"/>):
/// MedQA's own, which queues the item's key in the request's loader for the field; the plugin's code runs only in
/// the batch call, through its guard (<see cref="EnrichmentLoaders"/>). <see cref="GuardedResolver"/> gives it the plugin.
/// </summary>
internal sealed class BatchedFieldResolver(Func<IReadOnlyCollection<int>, CancellationToken, Task<Dictionary<int, object?>>> load) : IFieldResolver
{
    public async Task<IReadOnlyDictionary<int, object?>> Load(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await load(ids, cancellationToken);

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
        throw new InvalidOperationException("A batched plugin field resolves through its plugin's guard (GuardedResolver).");

    public object Resolve(IResolveFieldContext context, LoadedPlugin plugin) =>
        context.RequestServices!.GetRequiredService<EnrichmentLoaders>().Load(plugin, this, ((IContent)context.Source!).Id);
}
