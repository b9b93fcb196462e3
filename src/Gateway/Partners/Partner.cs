using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedQA.Gateway.Partners;

/// <summary>A partner site: its API key is stored only as a SHA-256 hash.</summary>
public sealed class Partner
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the key, lower-case hex.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The key's first characters, to tell keys apart in listings without revealing them.</summary>
    public required string KeyPrefix { get; set; }

    /// <summary>Browser origins allowed to call with this key (CORS), space-separated.</summary>
    public string Origins { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>A persisted operation a partner may run: its id is <c>sha256:</c> and the hash of its text.</summary>
public sealed class PartnerDocument
{
    public int PartnerId { get; set; }

    public required string DocumentId { get; set; }

    public required string Query { get; set; }

    public required string Name { get; set; }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("Partners");
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.KeyHash).HasMaxLength(64);
        builder.Property(p => p.KeyPrefix).HasMaxLength(16);
        builder.Property(p => p.Origins).HasMaxLength(2000);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.HasIndex(p => p.KeyHash).IsUnique();
    }
}

internal sealed class PartnerDocumentConfiguration : IEntityTypeConfiguration<PartnerDocument>
{
    public void Configure(EntityTypeBuilder<PartnerDocument> builder)
    {
        builder.ToTable("PartnerDocuments");
        builder.HasKey(d => new { d.PartnerId, d.DocumentId });
        builder.Property(d => d.DocumentId).HasMaxLength(80);
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.HasOne<Partner>().WithMany().HasForeignKey(d => d.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
