namespace MedQA.Gateway.Plugins;

/// <summary>Configuration section <c>MedQA:Plugins</c>; each plugin's own settings are under <c>MedQA:Plugins:&lt;Name&gt;</c>.</summary>
public sealed class PluginOptions
{
    public const string Section = "MedQA:Plugins";

    /// <summary>The plugins folder: one subfolder per plugin holding <c>&lt;Folder&gt;.dll</c>; default <c>plugins</c> beside the gateway.</summary>
    public string? Path { get; set; }

    /// <summary>How long one plugin resolver may take before it is cut off with <c>PLUGIN_TIMEOUT</c>.</summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Plugin assemblies loaded beside the folder's, into the gateway's own load context (the test kit uses it).</summary>
    public List<string> Assemblies { get; set; } = [];

    public string FolderOrDefault => Path ?? System.IO.Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Names a plugin cannot take, as they are settings of this section.</summary>
    public static readonly string[] ReservedNames = ["path", "timebudget", "assemblies"];
}
