using GraphQL.Types;
using MedQA.Plugins;

namespace CoreClash;

/// <summary>Adds a field named like a core one: it must be refused, and Question.title must stay the core field.</summary>
public sealed class CoreClashPlugin : MedQaPlugin
{
    public override string Name => "core-clash";
}

public sealed class TitleField : IContentFields
{
    public void AddFields(IContentFieldRegistry fields)
    {
        fields.AddField<StringGraphType>(ContentType.Question, "okField").Resolve(_ => "never served: the plugin adds all or nothing");
        fields.AddField<StringGraphType>(ContentType.Question, "title").Resolve(_ => "hijacked");
    }
}
