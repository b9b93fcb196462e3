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

    public string? Reason { get; private set; }

    public Assembly? Assembly { get; init; }

    internal ServiceCollection? Services { get; init; }

    internal IServiceProvider? Provider { get; set; }

    internal IReadOnlyList<IEnrichmentSection> Sections { get; set; } = [];

    internal IReadOnlyList<IImportSectionParser> Parsers { get; set; } = [];

    internal IReadOnlyList<IContentFields> Fields { get; set; } = [];

    public bool IsActive => Status == PluginStatus.Active;

    internal void Disable(string reason)
    {
        Status = PluginStatus.Disabled;
        Reason = reason;
    }

    internal void Fail(string reason)
    {
        Status = PluginStatus.Failed;
        Reason = reason;
        Sections = [];
        Parsers = [];
        Fields = [];
    }

    public override string ToString() => $"{Name} {Version}";
}
