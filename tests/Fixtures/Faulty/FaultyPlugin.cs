using GraphQL.Types;
using MedQA.Plugins;

namespace Faulty;

/// <summary>Loads fine, then misbehaves at run time: throws, hangs, and fails its section.</summary>
public sealed class FaultyPlugin : MedQaPlugin
{
    public override string Name => "faulty";
}

public sealed class FaultyFields : IContentFields
{
    public void AddFields(IContentFieldRegistry fields)
    {
        fields.AddField<NonNullGraphType<StringGraphType>>(ContentType.Question, "failing")
            .Resolve(_ => throw new InvalidOperationException("secret connection string leaked in a stack trace"));
        fields.AddField<StringGraphType>(ContentType.Question, "slow")
            .ResolveAsync(async c =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), c.CancellationToken);
                return (object?)"too late";
            });
    }
}

public sealed class FlakySection : IEnrichmentSection
{
    public ContentType ContentType => ContentType.Question;

    public string FieldName => "flaky";

    public string TypeName => "FlakySection";

    public string Description => "Always fails to load.";

    public Task<IReadOnlyDictionary<int, EnrichmentSection>> LoadAsync(IReadOnlyCollection<int> contentIds, CancellationToken cancellationToken) =>
        throw new IOException("the flaky backend is down");
}
