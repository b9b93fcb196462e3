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
            .Resolve(context => context.Source.Headline);
        Field<NonNullGraphType<StringGraphType>>("questionExcerpt").Description("The start of the other question (may end in `...`).")
            .Resolve(context => context.Source.QuestionExcerpt);
        Field<NonNullGraphType<StringGraphType>>("doctorName").Description("The replying doctor's name (`Lai Zhaokang`).")
            .Resolve(context => context.Source.DoctorName);
        Field<NonNullGraphType<StringGraphType>>("doctorSpecialty").Description("The replying doctor's specialty, as the teaser names it.")
            .Resolve(context => context.Source.DoctorSpecialty);
        Field<NonNullGraphType<StringGraphType>>("replyExcerpt").Description("The start of the reply (may end in `...`).")
            .Resolve(context => context.Source.ReplyExcerpt);
        Field<NonNullGraphType<BooleanGraphType>>("curated")
            .Description("True for the page's own teasers; false for questions MedQA found similar to fill up `similar(first:)`.")
            .Resolve(context => context.Source.Curated);
        Field<QuestionType>("question")
            .Description("The question the teaser links to, when it is in MedQA (imported before or after this page); otherwise null.")
            .Resolve(context => context.Source.QuestionId is int id
                ? context.Service<QuestionLoaders>().ById.Load(id)
                : context.Service<QuestionLoaders>().ByHeadline.Load(context.Source.LinkHeadline));
    }
}
