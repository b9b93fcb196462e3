using System.Reflection;
using MedQA.Plugins;

namespace MedQA.Gateway.Plugins;

public enum PluginStatus
{
    Active,
    Disabled,
    Failed,
}

/// <summary>A plugin as MedQA found it: what it is, whether it runs, and if not, why.</summary>
public sealed class LoadedPlugin
{
    public required string Name { get; init; }

    public string Version { get; init; } = "unknown";

    public string Description { get; init; } = "";

    /// <summary>Where it was loaded from, for messages.</summary>
    public required string Source { get; init; }

    public PluginStatus Status { get; private set; } = PluginStatus.Active;

    /// <summary>Why it is disabled or failed, in words fit for anyone: no paths, no exception types.</summary>
    public string? Reason { get; private set; }

    /// <summary>What only operators should see: the exception's type and message, where a clashing plugin was loaded from.</summary>
    public string? Detail { get; private set; }

    /// <summary>The reason, with its detail for operators (the log, and <c>plugins { reason }</c> in Development).</summary>
    public string? ReasonFor(bool operators) => Reason is null || !operators || Detail is null ? Reason : $"{Reason} ({Detail})";

    public Assembly? Assembly { get; init; }

    internal ServiceCollection? Services { get; init; }

    internal IServiceProvider? Provider { get; set; }

    /// <summary>
    /// Runs on the request's thread instead of threads of its own (<c>MedQA:Plugins:&lt;name&gt;:Trusted=true</c>):
    /// no thread hop per call, but a trusted plugin that blocks holds request threads.
    /// </summary>
    public bool Trusted { get; init; }

    /// <summary>What every call into the plugin's code goes through while serving; null unless it was active at start.</summary>
    public PluginGuard? Guard { get; internal set; }

    internal IReadOnlyList<IEnrichmentSection> Sections { get; set; } = [];

    internal IReadOnlyList<IImportSectionParser> Parsers { get; set; } = [];

    internal IReadOnlyList<IContentFields> Fields { get; set; } = [];

    public bool IsActive => Status == PluginStatus.Active;

    internal void Disable(string reason)
    {
        Status = PluginStatus.Disabled;
        Reason = reason;
    }

    internal void Fail(string reason, string? detail = null)
    {
        Status = PluginStatus.Failed;
        Reason = reason;
        Detail = detail;
        Sections = [];
        Parsers = [];
        Fields = [];
    }

    public override string ToString() => $"{Name} {Version}";
}
