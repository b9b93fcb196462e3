using GraphQL.DataLoader;

namespace MedQA.FastExecution.Compiled;

/// <summary>The run's waits: for asynchronous resolvers, for pending data-loader results, and for stragglers.</summary>
internal sealed partial class PlanRun
{
    /// <summary>
    /// Waits for resolvers still running when the run stops early (it falls back, or is cancelled), as GraphQL.NET
    /// does: none may still use the request's database when GraphQL.NET executes it again or the request ends.
    /// Their outcome no longer matters: the run's answer is already decided.
    /// </summary>
    private async Task DrainAsync()
    {
        if (_tasks.Count == 0)
        {
            return;
        }
        try
        {
            await Task.WhenAll(_tasks.Select(t => t.Task));
        }
        catch (Exception)
        {
            // decided already: a fallback or a cancellation
        }
        _tasks.Clear();
    }

    private async Task CompleteTasksAsync()
    {
        if (_tasks.Count == 0)
        {
            return;
        }
        var tasks = _tasks.ToArray();
        _tasks.Clear();
        if (await FailedAsync(tasks.Select(t => t.Task)))
        {
            return;
        }
        foreach (var (slot, task) in tasks)
        {
            Complete(slot, task.Result);
        }
    }

    /// <summary>
    /// Awaits the pending data-loader results in order. The first of each loader's batch sends the batch; the others
    /// find it loaded and complete at once (GraphQL.NET awaits them side by side, for the same batches).
    /// </summary>
    private async Task CompleteLoadersAsync()
    {
        // This round's results in one list, the next round's (completing these queues them) in the other.
        var loaders = _loaders;
        (_loaders, _completing) = (_completing, loaders);
        try
        {
            foreach (var (slot, pending) in loaders)
            {
                object? value;
                try
                {
                    var result = pending.GetResultAsync(context.CancellationToken);
                    value = result.IsCompletedSuccessfully ? result.Result : await result;
                }
                catch (Exception e) when (!IsCancellation(e))
                {
                    _failed = true;
                    return;
                }
                Complete(slot, value);
            }
        }
        finally
        {
            loaders.Clear();
        }
    }

    /// <summary>Waits for every task (none is left running behind a fallback); whether any failed.</summary>
    private async Task<bool> FailedAsync(IEnumerable<Task> tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
            return false;
        }
        catch (Exception e) when (!IsCancellation(e))
        {
            _failed = true;
            return true;
        }
    }
}
