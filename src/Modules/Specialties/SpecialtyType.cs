using GraphQL.Types;
using MedQA.Kernel.GraphQL;

namespace MedQA.Specialties;

public sealed class SpecialtyType : ObjectGraphType<Specialty>
{
    public SpecialtyType()
    {
        Name = "Specialty";
        Description = "A medical specialty, such as Neurology: questions, doctors and FAQ topics belong to one.";
        this.ImplementNode(s => s.Id);
        Field<NonNullGraphType<StringGraphType>>("slug")
            .Description("The specialty's name in lower-case kebab form (`family-medicine`), for `specialty(slug:)`.")
            .ResolveSource(source => source.Slug);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Description("The specialty's name as the site shows it (`Family Medicine`).")
            .ResolveSource(source => source.Name);
    }
}
