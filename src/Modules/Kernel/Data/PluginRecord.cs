using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedQA.Kernel.Data;

/// <summary>A value a plugin stored for one content item at import (JSON), read back through its store.</summary>
public sealed class PluginRecord
{
    public required string Plugin { get; set; }

    public required string ContentType { get; set; }

    public int ContentId { get; set; }

    public required string Key { get; set; }

    public required string Json { get; set; }
}

internal sealed class PluginRecordConfiguration : IEntityTypeConfiguration<PluginRecord>
{
    public void Configure(EntityTypeBuilder<PluginRecord> builder)
    {
        builder.ToTable("PluginRecords");
        builder.HasKey(r => new { r.Plugin, r.ContentType, r.ContentId, r.Key });
        builder.Property(r => r.Plugin).HasMaxLength(100);
        builder.Property(r => r.ContentType).HasMaxLength(20);
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.HasIndex(r => new { r.ContentType, r.ContentId });
    }
}
