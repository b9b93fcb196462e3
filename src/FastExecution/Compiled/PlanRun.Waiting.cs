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
        try
        {
            await Task.WhenAll(tasks.Select(t => t.Task));
        }
        catch (Exception e) when (!IsCancellation(e))
        {
            // each task's own outcome is read below
        }
        foreach (var (slot, task) in tasks)
        {
            if (task.IsCompletedSuccessfully)
            {
                Complete(slot, task.Result);
            }
            else
            {
                // GraphQL.NET awaits it: its first exception, or the cancellation of a task cancelled on its own
                FieldError(slot, task.Exception?.InnerException ?? new TaskCanceledException(task));
            }
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
                    FieldError(slot, e);
                    if (_failed)
                    {
                        return;
                    }
                    continue;
                }
                Complete(slot, value);
            }
        }
        finally
        {
            loaders.Clear();
        }
    }
}
