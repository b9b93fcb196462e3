using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Resolvers;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// Runs a plugin's resolver within its time budget and turns anything it throws into a <see cref="PluginError"/>
/// (no stack trace, the plugin's name), so a broken plugin costs its own field and nothing else.
/// </summary>
internal sealed class GuardedResolver(LoadedPlugin plugin, IFieldResolver inner, TimeSpan budget, ILogger logger) : MedQA.FastExecution.INotPlannable
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        try
        {
            var result = await inner.ResolveAsync(context).AsTask().WaitAsync(budget, context.CancellationToken);
            return result is IDataLoaderResult pending ? new GuardedResult(this, pending) : result;
        }
        catch (Exception e) when (!context.CancellationToken.IsCancellationRequested)
        {
            throw Report(e);
        }
    }

    internal PluginError Report(Exception exception)
    {
        var error = PluginError.For(plugin, exception, budget);
        if (exception is not PluginError)
        {
            logger.LogWarning(exception, "Plugin {Plugin} {Code} on a field", plugin.Name, error.Code);
        }
        return error;
    }

    internal sealed class GuardedResult(GuardedResolver guard, IDataLoaderResult inner) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.GetResultAsync(cancellationToken).WaitAsync(guard.Budget, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                throw guard.Report(e);
            }
        }
    }

    private TimeSpan Budget => budget;
}
