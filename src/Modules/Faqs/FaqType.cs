using GraphQL.Types;
using MedQA.Kernel.GraphQL;
using MedQA.Specialties;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Faqs;

public sealed class FaqType : ObjectGraphType<Faq>
{
    public FaqType()
    {
        Name = "Faq";
        Description = "A FAQ topic (\"Facial Twitching\") within a specialty, as listed under \"Related FAQ\".";
        this.ImplementNode(f => f.Id);
        Field<NonNullGraphType<StringGraphType>>("topic").Description("The topic's title.")
            .ResolveSource(source => source.Topic);
        Field<NonNullGraphType<SpecialtyType>>("specialty").Description("The specialty the topic belongs to.")
            .ResolveWith<SpecialtyLoaders, Faq, object>((loaders, faq) => loaders.Resolve(faq.SpecialtyId));
    }
}
