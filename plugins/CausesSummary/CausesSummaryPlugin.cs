using MedQA.Plugins;

namespace MedQA.Plugins.CausesSummary;

public sealed class CausesSummaryPlugin : MedQaPlugin
{
    public override string Name => "causes-summary";

    public override string Description => "Question.causes: the \"Causes of ...\" article section as items and a one-sentence summary.";
}

/// <summary>
/// Claims causes sections at import ("Causes of ...", "Possible Causes", "Common Causes", "What Causes ...", or the
/// heading starts listed in <c>MedQA:Plugins:causes-summary:Headings</c>); serves them as <c>Question.causes</c>.
/// </summary>
public sealed class CausesSection(IPluginStore store, Microsoft.Extensions.Configuration.IConfiguration settings) : ArticleSectionEnrichment(store)
{
    private readonly string[] _headings = SectionHeadings.From(settings, ["Causes", "Possible Causes", "Common Causes", "What Causes", "Main Causes"]);

    public override string FieldName => "causes";

    public override string TypeName => "CausesSection";

    public override string Description => "The causes the article lists, with a one-sentence summary; null when the page has no causes section.";

    protected override string SummaryPrefix => "Common causes";

    public override bool Claims(string heading) => SectionHeadings.Match(heading, _headings);
}
