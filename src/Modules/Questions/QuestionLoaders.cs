using GraphQL;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Questions;

/// <summary>Request-scoped batch loaders for questions and what hangs off them.</summary>
public sealed class QuestionLoaders
{
    private static readonly IReadOnlyList<ArticleSection> NoSections = [];
    private static readonly IReadOnlyList<SimilarTeaser> NoTeasers = [];

    private static readonly KeyedQuery<int, ArticleAndSection> ArticlesWithSections = new(
        (db, ids) =>
            from a in db.Set<Article>().AsNoTracking()
            where ids.Contains(a.QuestionId)
            join s in db.Set<ArticleSection>().AsNoTracking() on a.QuestionId equals s.QuestionId into sections
            from s in sections.DefaultIfEmpty()
            orderby a.QuestionId, s!.Position
            select new ArticleAndSection { Article = a, Section = s });

    private readonly SelectionReads _reads;

    public QuestionLoaders(RequestDb requestDb, SelectionReads reads)
    {
        _reads = reads;
        ById = requestDb.Loader<int, Question>(
            (db, ids) => db.Set<Question>().Where(q => ids.Contains(q.Id)).SelectWithoutBody(), q => q.Id);
        BodyById = new((ids, cancellationToken) => requestDb.RunAsync<IReadOnlyDictionary<int, string>>(async (db, cancel) =>
            await db.Set<Question>().Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, q.Body })
                .ToDictionaryAsync(q => q.Id, q => q.Body, cancel), cancellationToken), "");
        BySlug = requestDb.Loader<string, Question>(
            (db, slugs) => db.Set<Question>().Where(q => slugs.Contains(q.Slug)).SelectWithoutBody(), q => q.Slug);
        BySlugWithBody = requestDb.Loader<string, Question>(
            (db, slugs) => db.Set<Question>().Where(q => slugs.Contains(q.Slug)), q => q.Slug);
        ByHeadline = requestDb.Loader<string, Question>(
            (db, headlines) => db.Set<Question>().Where(q => headlines.Contains(q.Headline)).OrderByDescending(q => q.Id).SelectWithoutBody(),
            q => q.Headline);
        ArticleByQuestion = requestDb.Loader<int, Article>(
            (db, ids) => db.Set<Article>().Where(a => ids.Contains(a.QuestionId)), a => a.QuestionId);
        SectionsByQuestion = requestDb.GroupLoader<int, ArticleSection>(
            (db, ids) => db.Set<ArticleSection>().Where(s => ids.Contains(s.QuestionId)).OrderBy(s => s.Position),
            s => s.QuestionId, NoSections);
        ArticleWithSectionsByQuestion = new((ids, cancellationToken) => requestDb.RunAsync<IReadOnlyDictionary<int, Article?>>(async (db, cancel) =>
        {
            var rows = await ArticlesWithSections.Run(db, ids).ToListAsync(cancel);
            var byQuestion = rows.GroupBy(r => r.Article.QuestionId).ToList();
            SectionsByQuestion.Prime(byQuestion.Select(g => KeyValuePair.Create(g.Key,
                (IReadOnlyList<ArticleSection>)g.Where(r => r.Section is not null).Select(r => r.Section!).ToList())));
            return byQuestion.ToDictionary(g => g.Key, g => (Article?)g.First().Article);
        }, cancellationToken), null);
        TeasersByQuestion = requestDb.GroupLoader<int, SimilarTeaser>(
            (db, ids) => db.Set<SimilarTeaser>().Where(t => ids.Contains(t.QuestionId)).OrderBy(t => t.Position),
            t => t.QuestionId, NoTeasers);
    }

    public BatchLoader<int, Question?> ById { get; }

    public BatchLoader<int, string> BodyById { get; }

    public BatchLoader<string, Question?> BySlug { get; }

    /// <summary>For a question page that selects <c>body</c>: one statement instead of two.</summary>
    public BatchLoader<string, Question?> BySlugWithBody { get; }

    /// <summary>The question a teaser links to: the oldest question with that headline.</summary>
    public BatchLoader<string, Question?> ByHeadline { get; }

    public BatchLoader<int, Article?> ArticleByQuestion { get; }

    public BatchLoader<int, IReadOnlyList<ArticleSection>> SectionsByQuestion { get; }

    /// <summary>
    /// For a page that selects <c>article { sections }</c>: the article and its sections in one statement, the
    /// sections primed into <see cref="SectionsByQuestion"/>.
    /// </summary>
    public BatchLoader<int, Article?> ArticleWithSectionsByQuestion { get; }

    public BatchLoader<int, IReadOnlyList<SimilarTeaser>> TeasersByQuestion { get; }

    /// <summary>The look-up by slug for <c>question(slug:)</c>: with the body when the selection asks for <c>body</c>.</summary>
    public BatchLoader<string, Question?> BySlugFor(IResolveFieldContext question) =>
        _reads.MayLeaveOut(question, "body") ? BySlug : BySlugWithBody;

    /// <summary>The article loader for <c>Question.article</c>: with its sections when the selection asks for them.</summary>
    public BatchLoader<int, Article?> ArticleFor(IResolveFieldContext article) =>
        _reads.MayLeaveOut(article, "sections") ? ArticleByQuestion : ArticleWithSectionsByQuestion;

    private sealed class ArticleAndSection
    {
        public required Article Article { get; init; }

        public ArticleSection? Section { get; init; }
    }
}
