using MedQA.Plugins;

namespace MedQA.Plugins.CausesSummary;

public sealed class CausesSummaryPlugin : MedQaPlugin
{
    public override string Name => "causes-summary";

    public override string Description => "Question.causes: the \"Causes of ...\" article section as items and a one-sentence summary.";
}

/// <summary>Claims "Causes of ..." sections at import; serves them as <c>Question.causes</c>.</summary>
public sealed class CausesSection(IPluginStore store) : ArticleSectionEnrichment(store)
{
    public override string FieldName => "causes";

    public override string TypeName => "CausesSection";

    public override string Description => "The causes the article lists, with a one-sentence summary; null when the page has no causes section.";

    protected override string SummaryPrefix => "Common causes";

    public override bool Claims(string heading) =>
        heading.StartsWith("Causes", StringComparison.OrdinalIgnoreCase) || heading.StartsWith("Common Causes", StringComparison.OrdinalIgnoreCase);
}
