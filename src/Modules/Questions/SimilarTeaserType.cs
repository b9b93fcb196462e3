using GraphQL.Types;
using MedQA.Kernel.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Questions;

public sealed class SimilarTeaserType : ObjectGraphType<SimilarItem>
{
    public SimilarTeaserType()
    {
        Name = "SimilarTeaser";
        Description = "A \"Similar Q&A\" teaser: excerpts of another question and of its reply, with a link to it.";
        Field<NonNullGraphType<StringGraphType>>("headline").Description("The other question's headline.")
            .ResolveSource(source => source.Headline);
        Field<NonNullGraphType<StringGraphType>>("questionExcerpt").Description("The start of the other question (may end in `...`).")
            .ResolveSource(source => source.QuestionExcerpt);
        Field<NonNullGraphType<StringGraphType>>("doctorName").Description("The replying doctor's name (`Lai Zhaokang`).")
            .ResolveSource(source => source.DoctorName);
        Field<NonNullGraphType<StringGraphType>>("doctorSpecialty").Description("The replying doctor's specialty, as the teaser names it.")
            .ResolveSource(source => source.DoctorSpecialty);
        Field<NonNullGraphType<StringGraphType>>("replyExcerpt").Description("The start of the reply (may end in `...`).")
            .ResolveSource(source => source.ReplyExcerpt);
        Field<NonNullGraphType<BooleanGraphType>>("curated")
            .Description("True for the page's own teasers; false for questions MedQA found similar to fill up `similar(first:)`.")
            .ResolveSource(source => source.Curated);
        Field<QuestionType>("question")
            .Description("The question the teaser links to, when it is in MedQA (imported before or after this page); otherwise null.")
            .Resolve(context => context.Source.QuestionId is int id
                ? context.Service<QuestionLoaders>().ById.Load(id)
                : context.Service<QuestionLoaders>().ByHeadline.Load(context.Source.LinkHeadline));
    }
}
