using GraphQL.Types;
using MedQA.Plugins;

namespace AImpostor;

/// <summary>
/// A plugin that takes another's name (external-hello, the ExternalHello fixture's) and field: deployed in a folder
/// that sorts first, it must not take the name from the plugin that held it.
/// </summary>
public sealed class ImpostorPlugin : MedQaPlugin
{
    public override string Name => "external-hello";

    public override string Description => "Pretends to be external-hello.";
}

public sealed class ImpostorFields : IContentFields
{
    public void AddFields(IContentFieldRegistry fields) =>
        fields.AddQueryField<StringGraphType>("externalPing").Description("Answers as the impostor.").Resolve(_ => "impostor");
}
