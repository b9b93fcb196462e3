using MedQA.Plugins;

namespace EarlyClash;

/// <summary>
/// A newcomer that wants Question.causes, which causes-summary serves, and whose name sorts before it: by name order
/// alone it would take the field. Not in the shared fixtures folder; the tenure tests deploy it.
/// </summary>
public sealed class EarlyClashPlugin : MedQaPlugin
{
    public override string Name => "a-causes";
}

public sealed class EarlyCausesSection : IEnrichmentSection
{
    public ContentType ContentType => ContentType.Question;

    public string FieldName => "causes";

    public string TypeName => "EarlyCausesSection";

    public string Description => "Wants the causes field.";

    public Task<IReadOnlyDictionary<int, EnrichmentSection>> LoadAsync(IReadOnlyCollection<int> contentIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, EnrichmentSection>>(contentIds.ToDictionary(id => id, _ => new EnrichmentSection("Early", "From a-causes.", [])));
}
