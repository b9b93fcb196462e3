using GraphQL.Types;
using MedQA.Plugins;
using Microsoft.Extensions.Logging;

namespace NewerShared;

/// <summary>Logs through Microsoft.Extensions.Logging 11.0.0, which the gateway does not have.</summary>
public sealed class NewerSharedPlugin : MedQaPlugin
{
    public override string Name => "newer-shared";
}

public sealed class NewerFields(ILogger<NewerFields> logger) : IContentFields
{
    public void AddFields(IContentFieldRegistry fields) =>
        fields.AddQueryField<StringGraphType>("newerPing").Resolve(_ =>
        {
            logger.LogInformation("pinged");
            return "pong";
        });
}
