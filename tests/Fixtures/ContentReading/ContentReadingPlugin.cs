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

/// <summary>
/// At import, stores what the page around a "Causes" section says (its import context); <c>Question.pageContext</c>
/// gives it back: heading = the line about the page, summary = the body's length, items = replies then article sections.
/// </summary>
public sealed class PageContextParser : IImportSectionParser
{
    public const string StoreKey = "page-context";

    public string Key => StoreKey;

    public bool Claims(string heading) => heading.StartsWith("Causes", StringComparison.OrdinalIgnoreCase);

    public object? Parse(ImportedSection section) => throw new InvalidOperationException("MedQA gives the page: the other Parse is called");

    public object? Parse(ImportedSection section, ImportedPageContext page) => new PageSummary(
        $"{section.Heading} | {page.Title} | {page.Headline} | {page.AskedOn:yyyy-MM-dd} | {page.Specialty} | {page.Asker.Alias} {page.Asker.Gender} {page.Asker.AgeMin}-{page.Asker.AgeMax}",
        page.Body.Length,
        [.. page.Replies.Select(r => $"{r.Doctor} | {r.DoctorSpecialty} | {r.RepliedOn:yyyy-MM-dd} | {r.Body}")],
        [.. page.Article.Sections.Select(s => s.Heading)]);
}

public sealed record PageSummary(string About, int BodyLength, IReadOnlyList<string> Replies, IReadOnlyList<string> Sections);

/// <summary>Question.pageContext: what <see cref="PageContextParser"/> stored.</summary>
public sealed class PageContextSection(IPluginStore store) : IEnrichmentSection
{
    public ContentType ContentType => ContentType.Question;

    public string FieldName => "pageContext";

    public string TypeName => "PageContextSection";

    public string Description => "What the import saw of the page around its Causes section.";

    public async Task<IReadOnlyDictionary<int, EnrichmentSection>> LoadAsync(IReadOnlyCollection<int> contentIds, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync<PageSummary>(PageContextParser.StoreKey, ContentType.Question, contentIds, cancellationToken);
        return stored.ToDictionary(s => s.Key, s => new EnrichmentSection(s.Value.About, $"body {s.Value.BodyLength}",
            [.. s.Value.Replies.Select(r => new EnrichmentItem("reply", r)), .. s.Value.Sections.Select(h => new EnrichmentItem("section", h))]));
    }
}

/// <summary>
/// Question.titleStats, a batched field: its value says the title's length and which call of the plugin loaded it,
/// with how many keys, so a test sees one call per level.
/// </summary>
public sealed class BatchedFields(IContentReader content) : IContentFields
{
    private static int _calls;

    public void AddFields(IContentFieldRegistry fields) =>
        fields.AddBatchedField<GraphQL.Types.StringGraphType, string>(ContentType.Question, "titleStats", async (ids, cancellationToken) =>
        {
            var call = Interlocked.Increment(ref _calls);
            var questions = await content.QuestionsAsync(ids, cancellationToken);
            return questions.ToDictionary(q => q.Key, q => $"{q.Value.Title.Length} characters; call {call} with {ids.Count} keys");
        }).Description("The title's length, loaded for all the questions of a level at once.");
}
