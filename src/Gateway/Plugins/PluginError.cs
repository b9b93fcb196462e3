using GraphQL;

namespace MedQA.Gateway.Plugins;

/// <summary>A plugin failed, ran out of time or was not called (its breaker open, its queue full) on a field: the field is null, the rest of the response stands.</summary>
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
    public const string Unavailable = "PLUGIN_UNAVAILABLE";

    public string Plugin { get; }
}
