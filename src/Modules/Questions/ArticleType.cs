using GraphQL.Types;
using MedQA.Kernel.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Questions;

public sealed class ArticleType : ObjectGraphType<Article>
{
    public ArticleType()
    {
        Name = "Article";
        Description = "The \"More Info\" article of a question page.";
        Field<NonNullGraphType<StringGraphType>>("intro").Description("The paragraphs before the first section, line breaks kept.")
            .ResolveSource(source => source.Intro);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleSectionType>>>>("sections")
            .Description("The titled sections (\"Causes of ...\", \"Treatment Options\", ...), in page order.")
            .Resolve(context => context.Service<QuestionLoaders>().SectionsByQuestion.Resolve(context.Source.QuestionId));
        Field<StringGraphType>("conclusion").Description("The text under the \"Conclusion\" heading; null when there is none.")
            .ResolveSource(source => source.Conclusion);
    }
}

public sealed class ArticleSectionType : ObjectGraphType<ArticleSection>
{
    public ArticleSectionType()
    {
        Name = "ArticleSection";
        Description = "A titled section of an article.";
        Field<NonNullGraphType<StringGraphType>>("heading").Description("The section's heading (`Treatment Options`).")
            .ResolveSource(source => source.Heading);
        Field<NonNullGraphType<StringGraphType>>("body")
            .Description("The section's text, line breaks kept; numbered items read `N. Item title: text`.")
            .ResolveSource(source => source.Body);
    }
}
