using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Questions;

/// <summary>Request-scoped batch loaders for questions and what hangs off them.</summary>
public sealed class QuestionLoaders(IDbContextFactory<MedQaDbContext> contexts)
{
    private static readonly IReadOnlyList<ArticleSection> NoSections = [];
    private static readonly IReadOnlyList<SimilarTeaser> NoTeasers = [];

    public BatchLoader<int, Question?> ById { get; } = contexts.Loader<int, Question>(
        (db, ids) => db.Set<Question>().Where(q => ids.Contains(q.Id)).SelectWithoutBody(), q => q.Id);

    public BatchLoader<int, string> BodyById { get; } = new(async (ids, cancellationToken) =>
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Question>().Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, q.Body })
            .ToDictionaryAsync(q => q.Id, q => q.Body, cancellationToken);
    }, "");

    public BatchLoader<string, Question?> BySlug { get; } = contexts.Loader<string, Question>(
        (db, slugs) => db.Set<Question>().Where(q => slugs.Contains(q.Slug)).SelectWithoutBody(), q => q.Slug);

    /// <summary>For a question page that selects <c>body</c>: one statement instead of two.</summary>
    public BatchLoader<string, Question?> BySlugWithBody { get; } = contexts.Loader<string, Question>(
        (db, slugs) => db.Set<Question>().Where(q => slugs.Contains(q.Slug)), q => q.Slug);

    /// <summary>The question a teaser links to: the oldest question with that headline.</summary>
    public BatchLoader<string, Question?> ByHeadline { get; } = contexts.Loader<string, Question>(
        (db, headlines) => db.Set<Question>().Where(q => headlines.Contains(q.Headline)).OrderByDescending(q => q.Id).SelectWithoutBody(),
        q => q.Headline);

    public BatchLoader<int, Article?> ArticleByQuestion { get; } = contexts.Loader<int, Article>(
        (db, ids) => db.Set<Article>().Where(a => ids.Contains(a.QuestionId)), a => a.QuestionId);

    public BatchLoader<int, IReadOnlyList<ArticleSection>> SectionsByQuestion { get; } = contexts.GroupLoader<int, ArticleSection>(
        (db, ids) => db.Set<ArticleSection>().Where(s => ids.Contains(s.QuestionId)).OrderBy(s => s.Position),
        s => s.QuestionId, NoSections);

    public BatchLoader<int, IReadOnlyList<SimilarTeaser>> TeasersByQuestion { get; } = contexts.GroupLoader<int, SimilarTeaser>(
        (db, ids) => db.Set<SimilarTeaser>().Where(t => ids.Contains(t.QuestionId)).OrderBy(t => t.Position),
        t => t.QuestionId, NoTeasers);
}
