using MedQA.Plugins;

namespace PluginClash;

/// <summary>Adds Question.causes, which the causes-summary plugin already adds.</summary>
public sealed class PluginClashPlugin : MedQaPlugin
{
    public override string Name => "plugin-clash";
}

public sealed class ClashingSection : IEnrichmentSection
{
    public ContentType ContentType => ContentType.Question;

    public string FieldName => "causes";

    public string TypeName => "ClashSection";

    public string Description => "Clashes with causes-summary.";

    public Task<IReadOnlyDictionary<int, EnrichmentSection>> LoadAsync(IReadOnlyCollection<int> contentIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, EnrichmentSection>>(new Dictionary<int, EnrichmentSection>());
}
