namespace MedQA.Gateway.Plugins;

/// <summary>Configuration section <c>MedQA:Plugins</c>; each plugin's own settings are under <c>MedQA:Plugins:&lt;Name&gt;</c>.</summary>
public sealed class PluginOptions
{
    public const string Section = "MedQA:Plugins";

    /// <summary>The plugins folder: one subfolder per plugin holding <c>&lt;Folder&gt;.dll</c>; default <c>plugins</c> beside the gateway.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// How long one plugin may take in one request, all its calls together (fields, sections, every level), counted
    /// from its first call; past it the plugin's fields answer null with <c>PLUGIN_TIMEOUT</c>.
    /// </summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How much of the server one plugin may hold, and when it is cut off for a while.</summary>
    public PluginIsolationOptions Isolation { get; set; } = new();

    /// <summary>Plugin assemblies loaded beside the folder's, into the gateway's own load context (the test kit uses it).</summary>
    public List<string> Assemblies { get; set; } = [];

    public string FolderOrDefault => Path ?? System.IO.Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Names a plugin cannot take, as they are settings of this section.</summary>
    public static readonly string[] ReservedNames = ["path", "timebudget", "isolation", "assemblies"];
}

/// <summary>Configuration section <c>MedQA:Plugins:Isolation</c>, the same for every plugin.</summary>
public sealed class PluginIsolationOptions
{
    /// <summary>The threads each isolated plugin's code runs on (its own, not the server's): what a blocking plugin can hold.</summary>
    public int Threads { get; set; } = 2;

    /// <summary>The calls one plugin may have in flight at once (a bulkhead); more wait in a queue, within their budget.</summary>
    public int MaxConcurrentCalls { get; set; } = 16;

    /// <summary>
    /// The calls that may wait for a slot; beyond them a call answers <c>PLUGIN_UNAVAILABLE</c> at once. A plugin's own
    /// fields are called once per item (sections once per list), so a page of 100 items makes 100 calls at once.
    /// </summary>
    public int MaxQueuedCalls { get; set; } = 1000;

    /// <summary>The circuit breaker opens when at least this share of a plugin's calls failed or timed out...</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>...among at least this many calls...</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>...within this time.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker answers <c>PLUGIN_UNAVAILABLE</c> without calling the plugin; then one call tries it.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
