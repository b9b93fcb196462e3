namespace MedQA.Plugins;

/// <summary>
/// An enrichment section made from a "More Info" article section, in one small class: claim a heading, name the
/// field and the summary's opening words. At import the section's numbered items and a one-sentence summary are
/// stored; on request they are read back in one batch. A question without the section gets null.
/// </summary>
/// <param name="store">The plugin's store, given by MedQA.</param>
public abstract class ArticleSectionEnrichment(IPluginStore store) : IEnrichmentSection, IImportSectionParser
{
    /// <inheritdoc />
    public ContentType ContentType => ContentType.Question;

    /// <inheritdoc />
    public abstract string FieldName { get; }

    /// <inheritdoc />
    public abstract string TypeName { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <summary>The summary's opening words, before the item titles (<c>Common causes</c>).</summary>
    protected abstract string SummaryPrefix { get; }

    /// <inheritdoc />
    public string Key => FieldName;

    /// <inheritdoc />
    public abstract bool Claims(string heading);

    /// <inheritdoc />
    public object? Parse(ImportedSection section) => section.Items.Count == 0
        ? null
        : new EnrichmentSection(
            section.Heading,
            SectionSummary.FromTitles(SummaryPrefix, section.Items.Select(i => i.Title)),
            section.Items.Select(i => new EnrichmentItem(i.Title, i.Text)).ToList());

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<int, EnrichmentSection>> LoadAsync(IReadOnlyCollection<int> contentIds, CancellationToken cancellationToken) =>
        store.GetAsync<EnrichmentSection>(Key, ContentType.Question, contentIds, cancellationToken);
}
