namespace MedQA.Plugins;

/// <summary>
/// Takes part in import: claims "More Info" article sections by heading and stores what it parsed with the
/// question, in the import's transaction, so nothing is re-parsed per request. Re-importing a page replaces it.
/// Read it back with <see cref="IPluginStore.GetAsync{T}"/> under the same <see cref="Key"/>.
/// </summary>
public interface IImportSectionParser
{
    /// <summary>The key the parsed value is stored under (one value per question and key).</summary>
    string Key { get; }

    /// <summary>Whether this parser takes the section with this heading (<c>Causes of ...</c>).</summary>
    /// <param name="heading">The section heading as written on the page.</param>
    bool Claims(string heading);

    /// <summary>
    /// The value to store for the section (serialized as JSON), or null to store nothing. Throwing skips this
    /// plugin's value for the page and is logged; the page still imports.
    /// </summary>
    /// <param name="section">The section, with its numbered items already parsed.</param>
    object? Parse(ImportedSection section);

    /// <summary>
    /// The value to store for the section, with the whole page it is on as read-only context (title, headline, body,
    /// asker, replies, article): implement this one when the value depends on more than the section. By default it
    /// is <see cref="Parse(ImportedSection)"/>. <c>plugins backfill</c> gives the same context, read from the catalogue.
    /// </summary>
    /// <param name="section">The section, with its numbered items already parsed.</param>
    /// <param name="page">The page the section is on.</param>
    object? Parse(ImportedSection section, ImportedPageContext page) => Parse(section);
}

/// <summary>The page a section is imported from, as the importer read it (nothing is written yet).</summary>
/// <param name="Title">The patient's question title.</param>
/// <param name="Headline">The page's headline ("" when the page has none).</param>
/// <param name="Body">The patient's question.</param>
/// <param name="AskedOn">When it was asked.</param>
/// <param name="Specialty">The question's specialty.</param>
/// <param name="Asker">Who asked.</param>
/// <param name="Replies">The doctors' replies, in page order.</param>
/// <param name="Article">The "More Info" article (the page has one: its sections are what parsers claim).</param>
public sealed record ImportedPageContext(
    string Title, string Headline, string Body, DateOnly AskedOn, string Specialty, AskerContent Asker, IReadOnlyList<ImportedReply> Replies,
    ArticleContent Article);

/// <summary>A doctor's reply on an imported page.</summary>
/// <param name="Doctor">The doctor's name.</param>
/// <param name="DoctorSpecialty">The specialty the doctor replied under.</param>
/// <param name="Body">The reply's text.</param>
/// <param name="RepliedOn">When the doctor replied.</param>
public sealed record ImportedReply(string Doctor, string DoctorSpecialty, string Body, DateOnly RepliedOn);

/// <summary>An article section as the importer read it.</summary>
/// <param name="Heading">The section's heading.</param>
/// <param name="Body">The section's text, line breaks kept.</param>
/// <param name="Items">The numbered items ("N. Title: text"), in order.</param>
public sealed record ImportedSection(string Heading, string Body, IReadOnlyList<ImportedItem> Items);

/// <summary>A numbered item of a section: "1. Nerve Irritation or Damage: One of the most ...".</summary>
/// <param name="Number">The item's number.</param>
/// <param name="Title">The text before the first colon.</param>
/// <param name="Text">The text after it.</param>
public sealed record ImportedItem(int Number, string Title, string Text);

/// <summary>What a plugin stored at import, read back by content key. Each plugin sees only its own values.</summary>
public interface IPluginStore
{
    /// <summary>The values stored under <paramref name="key"/> for the given items; items without one are left out.</summary>
    /// <typeparam name="T">The type the value was stored as.</typeparam>
    /// <param name="key">The key given by <see cref="IImportSectionParser.Key"/>.</param>
    /// <param name="contentType">The content type of the items.</param>
    /// <param name="contentIds">The items' keys.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyDictionary<int, T>> GetAsync<T>(string key, ContentType contentType, IReadOnlyCollection<int> contentIds, CancellationToken cancellationToken);
}
