namespace MedQA.Plugins;

/// <summary>
/// The common case: a section a plugin adds to a content type, served as the field <see cref="FieldName"/> (of the
/// GraphQL type <see cref="TypeName"/>, which implements the <c>EnrichmentSection</c> interface) and listed in
/// <c>enrichments</c>. MedQA calls <see cref="LoadAsync"/> once per request level with every item asked for.
/// </summary>
public interface IEnrichmentSection
{
    /// <summary>The content type the section is added to.</summary>
    ContentType ContentType { get; }

    /// <summary>The field name on the content type, in camelCase (<c>causes</c>); must not collide with another field.</summary>
    string FieldName { get; }

    /// <summary>The GraphQL type name of the section (<c>CausesSection</c>); must be unique in the schema.</summary>
    string TypeName { get; }

    /// <summary>The field's description, shown in the schema.</summary>
    string Description { get; }

    /// <summary>
    /// The section of each item that has one; items without a section are left out of the result (the field is
    /// then null). Called once per batch, never once per item. Throwing, or taking longer than the time budget,
    /// gives null and a <c>PLUGIN_FAILED</c> or <c>PLUGIN_TIMEOUT</c> error for this field only.
    /// </summary>
    /// <param name="contentIds">The keys of the content items asked for.</param>
    /// <param name="cancellationToken">Cancelled when the request ends or the time budget runs out.</param>
    Task<IReadOnlyDictionary<int, EnrichmentSection>> LoadAsync(IReadOnlyCollection<int> contentIds, CancellationToken cancellationToken);
}

/// <summary>A section as a plugin produces it.</summary>
/// <param name="Heading">The section's heading (<c>Causes of Facial Nerve Twitches</c>).</param>
/// <param name="Summary">One sentence summing the section up.</param>
/// <param name="Items">The section's items, in order.</param>
public sealed record EnrichmentSection(string Heading, string Summary, IReadOnlyList<EnrichmentItem> Items);

/// <summary>One item of a section.</summary>
/// <param name="Title">The item's title (<c>Vascular Compression</c>).</param>
/// <param name="Detail">The item's text.</param>
public sealed record EnrichmentItem(string Title, string Detail);
