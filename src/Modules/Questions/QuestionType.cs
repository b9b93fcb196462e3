using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using MedQA.Kernel.GraphQL;
using MedQA.Specialties;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Questions;

public sealed class QuestionType : ObjectGraphType<Question>
{
    public QuestionType()
    {
        Name = "Question";
        Description = "A patient's question: one page of the site, with its replies, article, similar questions and FAQ topics.";
        this.ImplementNode(q => q.Id);
        Field<NonNullGraphType<StringGraphType>>("slug")
            .Description("The title in lower-case kebab form (`facial-nerve-twitching`): the page's address, for `question(slug:)`.")
            .ResolveSource(source => source.Slug);
        Field<NonNullGraphType<StringGraphType>>("title").Description("The question's title, as the patient wrote it.")
            .ResolveSource(source => source.Title);
        Field<NonNullGraphType<StringGraphType>>("headline")
            .Description("The page headline (`Facial Nerve Twitches: Causes and Treatment Options`), without the specialty.")
            .ResolveSource(source => source.Headline);
        Field<NonNullGraphType<StringGraphType>>("body")
            .Description("The question as the patient wrote it: plain text, line breaks kept.")
            .Resolve(context => (object?)context.Source.Body ?? context.Service<QuestionLoaders>().BodyById.Load(context.Source.Id));
        Field<NonNullGraphType<IsoDateGraphType>>("askedOn").Description("The day the question was asked.")
            .ResolveSource(source => source.AskedOn);
        Field<NonNullGraphType<SpecialtyType>>("specialty").Description("The specialty the question was asked in.")
            .ResolveWith<SpecialtyLoaders, Question, object>((loaders, question) => loaders.Resolve(question.SpecialtyId));
        Field<NonNullGraphType<AskerType>>("asker").Description("Who asked: alias, gender and age range.")
            .ResolveSource(source => source);
        Field<ArticleType>("article").Description("The \"More Info\" article; null when the page has none.")
            .Resolve(context => context.Service<QuestionLoaders>().ArticleFor(context).Load(context.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SimilarTeaserType>>>>("similar")
            .Description("The page's \"Similar Q&A\" teasers in page order; with `first`, filled up with questions MedQA finds similar.")
            .Argument<IntGraphType>("first", $"How many entries: the page's teasers first, then similar questions, same specialty first (at most {SimilarQuestions.MaxFirst}).")
            .Resolve(context =>
            {
                var first = context.GetArgument<int?>("first");
                if (first is < 0 or > SimilarQuestions.MaxFirst)
                {
                    throw ErrorCodes.UserInput($"'first' must be between 0 and {SimilarQuestions.MaxFirst}; it was {first}.");
                }
                var curated = context.Service<QuestionLoaders>().TeasersByQuestion.Load(context.Source.Id);
                return first is int take
                    ? new FilledUp(curated, context.Service<SimilarQuestions>(), context.Source.Id, take)
                    : curated.Then(teasers => teasers.Select(SimilarItem.From).ToList());
            });
    }
}

/// <summary>The curated teasers (batched), then computed similar questions up to the count asked for.</summary>
internal sealed class FilledUp(IDataLoaderResult<IReadOnlyList<SimilarTeaser>> curated, SimilarQuestions similar, int questionId, int take)
    : IDataLoaderResult<IReadOnlyList<SimilarItem>>
{
    public async Task<IReadOnlyList<SimilarItem>> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var items = (await curated.GetResultAsync(cancellationToken)).Take(take).Select(SimilarItem.From).ToList();
        items.AddRange(await similar.FindAsync(questionId, take - items.Count, items.Select(i => i.LinkHeadline).ToList(), cancellationToken));
        return items;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
