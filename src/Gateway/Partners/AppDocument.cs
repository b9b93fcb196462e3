using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedQA.Gateway.Partners;

/// <summary>
/// A trusted document of a first-party app: a query the site's own frontend sends by its hash (<c>documentId</c>, or
/// <c>extensions.persistedQuery.sha256Hash</c>) on the public endpoint, with no key. Registered with the
/// <c>documents add</c> verb.
/// </summary>
public sealed class AppDocument
{
    public required string App { get; set; }

    /// <summary><c>sha256:</c> and the lower-case hex SHA-256 of <see cref="Query"/>.</summary>
    public required string DocumentId { get; set; }

    public required string Query { get; set; }

    /// <summary>The file (or manifest entry) it came from.</summary>
    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class AppDocumentConfiguration : IEntityTypeConfiguration<AppDocument>
{
    public void Configure(EntityTypeBuilder<AppDocument> builder)
    {
        builder.ToTable("AppDocuments");
        builder.HasKey(d => new { d.App, d.DocumentId });
        builder.Property(d => d.App).HasMaxLength(100);
        builder.Property(d => d.DocumentId).HasMaxLength(100);
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.HasIndex(d => d.DocumentId);
    }
}
