using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedQA.Replies;

internal sealed class DoctorConfiguration : IEntityTypeConfiguration<Doctor>
{
    public void Configure(EntityTypeBuilder<Doctor> builder)
    {
        builder.ToTable("Doctors");
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.HasOne<Specialty>().WithMany().HasForeignKey(d => d.SpecialtyId).OnDelete(DeleteBehavior.Restrict);
        // A doctor is a name within a specialty: "Dr. Chen reply Neurology" and "Dr. Chen reply Cardiology" are two doctors.
        builder.HasIndex(d => new { d.Name, d.SpecialtyId }).IsUnique();
        builder.HasIndex(d => d.SpecialtyId);
    }
}
