using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Resolvers;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// A field a plugin adds. Its resolver, and the loader result it may return, run through the plugin's
/// <see cref="PluginGuard"/> (the plugin's threads, its budget in this request, its bulkhead and breaker), with a
/// context whose cancellation token ends with that budget. Whatever goes wrong becomes a <see cref="PluginError"/> on
/// this field alone. A section field's resolver, and a batched field's, are MedQA's own (<see cref="EnrichmentLoaders"/>,
/// whose batches call the plugin through its guard): they run as they are, and only their errors are made this field's.
/// </summary>
internal sealed class GuardedResolver(LoadedPlugin plugin, IFieldResolver inner, bool runsPluginCode) : IFieldResolver
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        object? result;
        try
        {
            if (inner is BatchedFieldResolver batched)
            {
                return new OwnErrors((GraphQL.DataLoader.IDataLoaderResult)batched.Resolve(context, plugin));
            }
            if (!runsPluginCode)
            {
                result = await inner.ResolveAsync(context);
                return result is IDataLoaderResult section ? new OwnErrors(section) : result;
            }
            var budgets = context.RequestServices!.GetRequiredService<PluginBudgets>();
            result = await plugin.Guard!.RunAsync(
                token => inner.ResolveAsync(new ResolveFieldContext(context) { CancellationToken = token }).AsTask(), budgets, context.CancellationToken);
            return result is IDataLoaderResult pending ? new OwnErrors(new Guarded(plugin, pending, budgets)) : result;
        }
        catch (PluginError error)
        {
            throw Copy(error);
        }
    }

    /// <summary>
    /// A fresh error for each field: one failed batch fails every field it was loading with the same error object,
    /// and an error carries the path of the one field it is reported on.
    /// </summary>
    internal static PluginError Copy(PluginError error) => new(error.Plugin, error.Code!, error.Message);

    /// <summary>A plugin's own loader result: read through the plugin's guard too.</summary>
    private sealed class Guarded(LoadedPlugin plugin, IDataLoaderResult inner, PluginBudgets budgets) : IDataLoaderResult
    {
        public Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
            plugin.Guard!.RunAsync(inner.GetResultAsync, budgets, cancellationToken);
    }

    internal sealed class OwnErrors(IDataLoaderResult inner) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.GetResultAsync(cancellationToken);
            }
            catch (PluginError error)
            {
                throw Copy(error);
            }
        }
    }
}
