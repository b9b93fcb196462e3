using MedQA.Plugins;

namespace ContentReading;

/// <summary>A plugin that reads the content it extends through the content reader, for the tests.</summary>
public sealed class ContentReadingPlugin : MedQaPlugin
{
    public override string Name => "content-reading";
}

/// <summary>Question.echo: the question's title, and its replies as items, as the content reader gives them.</summary>
public sealed class EchoSection(IContentReader content) : IEnrichmentSection
{
    public ContentType ContentType => ContentType.Question;

    public string FieldName => "echo";

    public string TypeName => "EchoSection";

    public string Description => "The question's title and replies, read through the content reader.";

    public async Task<IReadOnlyDictionary<int, EnrichmentSection>> LoadAsync(IReadOnlyCollection<int> contentIds, CancellationToken cancellationToken)
    {
        var questions = await content.QuestionsAsync(contentIds, cancellationToken);
        return questions.ToDictionary(q => q.Key, q => new EnrichmentSection(
            q.Value.Title,
            $"asked {q.Value.AskedOn:yyyy-MM-dd} in {q.Value.Specialty}; {q.Value.Article?.Sections.Count ?? 0} article sections",
            [.. q.Value.Replies.Select(r => new EnrichmentItem(r.Doctor, r.Body))]));
    }
}
