using System.Collections.Concurrent;
using System.Diagnostics;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// One request's time budget per plugin: it starts at the plugin's first call in the request and covers all of them
/// (a field, its section, the next level's fields), so a slow plugin costs a request one budget, not one per field.
/// </summary>
public sealed class PluginBudgets(TimeSpan budget)
{
    private readonly ConcurrentDictionary<string, long> _deadlines = new(StringComparer.Ordinal);

    /// <summary>What each plugin has per request.</summary>
    public TimeSpan Budget => budget;

    /// <summary>The time <paramref name="plugin"/> has left in this request; its clock starts at this first call.</summary>
    public TimeSpan Remaining(LoadedPlugin plugin)
    {
        var deadline = _deadlines.GetOrAdd(plugin.Name, static (_, budget) => Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency), budget);
        return Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
    }
}
