using GraphQL;

namespace MedQA.Gateway.Plugins;

/// <summary>A plugin failed or ran out of time on a field: the field is null, the rest of the response stands.</summary>
public sealed class PluginError : ExecutionError
{
    public PluginError(string plugin, string code, string message)
        : base(message)
    {
        Plugin = plugin;
        Code = code;
    }

    public const string Failed = "PLUGIN_FAILED";
    public const string Timeout = "PLUGIN_TIMEOUT";

    public string Plugin { get; }

    public static PluginError For(LoadedPlugin plugin, Exception exception, TimeSpan budget) => exception switch
    {
        PluginError error => error,
        TimeoutException or OperationCanceledException => new PluginError(plugin.Name, Timeout,
            $"The plugin '{plugin.Name}' took longer than its {budget.TotalSeconds:0.###} s budget; this field was cut off."),
        _ => new PluginError(plugin.Name, Failed, $"The plugin '{plugin.Name}' failed on this field."),
    };
}
