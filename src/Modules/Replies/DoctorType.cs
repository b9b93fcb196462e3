using GraphQL.Types;
using MedQA.Kernel.GraphQL;
using MedQA.Specialties;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Replies;

public sealed class DoctorType : ObjectGraphType<Doctor>
{
    public DoctorType()
    {
        Name = "Doctor";
        Description = "A doctor who replies to questions.";
        this.ImplementNode(d => d.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The doctor's name without the title (`Lan Shengxing`).")
            .ResolveSource(source => source.Name);
        Field<NonNullGraphType<SpecialtyType>>("specialty").Description("The specialty the doctor replies in.")
            .ResolveWith<SpecialtyLoaders, Doctor, object>((loaders, doctor) => loaders.Resolve(doctor.SpecialtyId));
    }
}
