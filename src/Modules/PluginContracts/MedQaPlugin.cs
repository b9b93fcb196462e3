using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Plugins;

/// <summary>
/// The entry point of a plugin: each plugin assembly holds exactly one public, non-abstract subclass with a
/// parameterless constructor. MedQA finds the plugin's contributions (<see cref="IEnrichmentSection"/>,
/// <see cref="IContentFields"/>, <see cref="IImportSectionParser"/> and GraphQL types) by scanning its assembly.
/// </summary>
public abstract class MedQaPlugin
{
    /// <summary>
    /// The plugin's unique name in lower-case kebab form (<c>causes-summary</c>). Its settings are read from the
    /// configuration section <c>MedQA:Plugins:&lt;Name&gt;</c>, and <c>MedQA:Plugins:&lt;Name&gt;:Enabled=false</c> turns it off.
    /// </summary>
    public abstract string Name { get; }

    /// <summary>The version shown in the <c>plugins</c> query and on every section the plugin produces.</summary>
    public virtual string Version => GetType().Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>One sentence on what the plugin adds, shown in the <c>plugins</c> query.</summary>
    public virtual string Description => "";

    /// <summary>
    /// Registers services the plugin's contributions need, beyond those found by scanning. The plugin has its own
    /// container: it cannot replace MedQA's services. Throwing here marks the plugin FAILED; MedQA still starts.
    /// </summary>
    /// <param name="services">The plugin's own service collection.</param>
    /// <param name="settings">The configuration section <c>MedQA:Plugins:&lt;Name&gt;</c>.</param>
    public virtual void ConfigureServices(IServiceCollection services, IConfiguration settings)
    {
    }
}
