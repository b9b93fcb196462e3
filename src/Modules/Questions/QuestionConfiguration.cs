using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedQA.Questions;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("Questions");
        builder.Property(q => q.Slug).HasMaxLength(300);
        builder.Property(q => q.Title).HasMaxLength(Question.MaxTitleLength);
        builder.Property(q => q.Headline).HasMaxLength(Question.MaxTitleLength);
        builder.Property(q => q.AskerAlias).HasMaxLength(200);
        builder.Property(q => q.AskerGender).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Specialty>().WithMany().HasForeignKey(q => q.SpecialtyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => q.Slug).IsUnique();
        // The identity of a page: re-importing it updates the question instead of adding another.
        builder.HasIndex(q => new { q.Title, q.AskerAlias, q.AskedOn }).IsUnique();
        builder.HasIndex(q => new { q.AskedOn, q.Id });
        builder.HasIndex(q => new { q.SpecialtyId, q.AskedOn, q.Id });
        builder.HasIndex(q => q.Headline);
    }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("Articles");
        builder.HasKey(a => a.QuestionId);
        builder.HasOne<Question>().WithOne().HasForeignKey<Article>(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleSectionConfiguration : IEntityTypeConfiguration<ArticleSection>
{
    public void Configure(EntityTypeBuilder<ArticleSection> builder)
    {
        builder.ToTable("ArticleSections");
        builder.Property(s => s.Heading).HasMaxLength(500);
        builder.HasOne<Question>().WithMany().HasForeignKey(s => s.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.QuestionId, s.Position }).IsUnique();
    }
}

internal sealed class SimilarTeaserConfiguration : IEntityTypeConfiguration<SimilarTeaser>
{
    public void Configure(EntityTypeBuilder<SimilarTeaser> builder)
    {
        builder.ToTable("SimilarTeasers");
        builder.Property(t => t.Headline).HasMaxLength(500);
        builder.Property(t => t.LinkHeadline).HasMaxLength(500);
        builder.Property(t => t.DoctorName).HasMaxLength(200);
        builder.Property(t => t.DoctorSpecialty).HasMaxLength(200);
        builder.HasOne<Question>().WithMany().HasForeignKey(t => t.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.QuestionId, t.Position }).IsUnique();
    }
}
