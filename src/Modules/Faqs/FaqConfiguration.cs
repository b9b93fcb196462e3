using MedQA.Questions;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedQA.Faqs;

internal sealed class FaqConfiguration : IEntityTypeConfiguration<Faq>
{
    public void Configure(EntityTypeBuilder<Faq> builder)
    {
        builder.ToTable("Faqs");
        builder.Property(f => f.Topic).HasMaxLength(300);
        builder.HasOne<Specialty>().WithMany().HasForeignKey(f => f.SpecialtyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.SpecialtyId, f.Topic }).IsUnique();
    }
}

internal sealed class QuestionFaqConfiguration : IEntityTypeConfiguration<QuestionFaq>
{
    public void Configure(EntityTypeBuilder<QuestionFaq> builder)
    {
        builder.ToTable("QuestionFaqs");
        builder.HasKey(l => new { l.QuestionId, l.FaqId });
        builder.HasOne<Question>().WithMany().HasForeignKey(l => l.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Faq>().WithMany().HasForeignKey(l => l.FaqId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.FaqId);
    }
}
