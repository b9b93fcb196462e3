using MedQA.Plugins;

namespace MedQA.Plugins.TreatmentSummary;

public sealed class TreatmentSummaryPlugin : MedQaPlugin
{
    public override string Name => "treatment-summary";

    public override string Description => "Question.treatments: the \"Treatment Options\" article section as items and a one-sentence summary.";
}

/// <summary>
/// Claims treatment sections at import ("Treatment Options", "How to Treat ...", "Treating ...", "Management", or the
/// heading starts listed in <c>MedQA:Plugins:treatment-summary:Headings</c>); serves them as <c>Question.treatments</c>.
/// </summary>
public sealed class TreatmentSection(IPluginStore store, Microsoft.Extensions.Configuration.IConfiguration settings) : ArticleSectionEnrichment(store)
{
    private readonly string[] _headings = SectionHeadings.From(settings, ["Treatment", "How to Treat", "Treating", "Treatments", "Management"]);

    public override string FieldName => "treatments";

    public override string TypeName => "TreatmentSection";

    public override string Description => "The treatment options the article lists, with a one-sentence summary; null when the page has no treatment section.";

    protected override string SummaryPrefix => "Treatment options";

    public override bool Claims(string heading) => SectionHeadings.Match(heading, _headings);
}
