using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// A name in the schema a plugin held at a start where it was composed: a field (<c>Question.causes</c>) or a type
/// (<c>CausesSection</c>). A plugin that holds a claim keeps it at later starts against a newcomer, whatever the
/// folders are named (<see cref="PluginComposer"/>). Kind <c>active</c>, named after the plugin: it was active at a
/// server's start on this catalogue (<see cref="PluginActivation"/>). Kind <c>source</c>, named after the plugin: the
/// folder and file of the plugin that holds that name, against another plugin giving the same one (<see cref="PluginCatalog"/>).
/// </summary>
public sealed class PluginClaim
{
    public const string FieldKind = "field";
    public const string TypeKind = "type";
    public const string ActiveKind = "active";
    public const string SourceKind = "source";

    /// <summary><see cref="FieldKind"/>, <see cref="TypeKind"/> or <see cref="ActiveKind"/>.</summary>
    public required string Kind { get; set; }

    /// <summary><c>Type.field</c>, the type's name, or the plugin's.</summary>
    public required string Name { get; set; }

    /// <summary>The plugin's name; for <see cref="SourceKind"/>, the folder and file it was loaded from.</summary>
    public required string Plugin { get; set; }

    /// <summary>When the plugin first held it.</summary>
    public DateTimeOffset ClaimedAt { get; set; }
}

internal sealed class PluginClaimConfiguration : IEntityTypeConfiguration<PluginClaim>
{
    public void Configure(EntityTypeBuilder<PluginClaim> builder)
    {
        builder.ToTable("PluginClaims");
        builder.HasKey(c => new { c.Kind, c.Name });
        builder.Property(c => c.Kind).HasMaxLength(10);
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.Plugin).HasMaxLength(100);
    }
}
