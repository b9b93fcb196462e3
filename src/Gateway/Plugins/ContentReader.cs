using MedQA.Faqs;
using MedQA.Kernel.Data;
using MedQA.Plugins;
using MedQA.Questions;
using MedQA.Replies;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// <see cref="IContentReader"/> for plugins: whole rows from the catalogue, one batch per call on a context of its
/// own (a plugin's section batch runs outside the request's queries), read-only.
/// </summary>
internal sealed class ContentReader(IDbContextFactory<MedQaDbContext> contexts) : IContentReader
{
    public async Task<IReadOnlyDictionary<int, QuestionContent>> QuestionsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var questions = await db.Set<Question>().AsNoTracking().Where(q => keys.Contains(q.Id))
            .Join(db.Set<Specialty>(), q => q.SpecialtyId, s => s.Id, (q, s) => new { Question = q, Specialty = s.Name })
            .ToListAsync(cancellationToken);
        var replies = (await RepliesOf(db, db.Set<Reply>().Where(r => keys.Contains(r.QuestionId))).ToListAsync(cancellationToken))
            .ToLookup(r => r.QuestionId);
        var articles = await db.Set<Article>().AsNoTracking().Where(a => keys.Contains(a.QuestionId)).ToDictionaryAsync(a => a.QuestionId, cancellationToken);
        var sections = (await db.Set<ArticleSection>().AsNoTracking().Where(s => keys.Contains(s.QuestionId)).ToListAsync(cancellationToken))
            .OrderBy(s => s.Position).ToLookup(s => s.QuestionId);
        return questions.ToDictionary(x => x.Question.Id, x =>
        {
            var q = x.Question;
            var article = articles.GetValueOrDefault(q.Id);
            return new QuestionContent(q.Id, q.Slug, q.Title, q.Headline, q.Body, q.AskedOn, x.Specialty,
                new AskerContent(q.AskerAlias, q.AskerGender.ToString(), q.AskerAgeMin, q.AskerAgeMax),
                [.. replies[q.Id]],
                article is null ? null : new ArticleContent(article.Intro, [.. sections[q.Id].Select(s => new ArticleSectionContent(s.Heading, s.Body))], article.Conclusion));
        });
    }

    public async Task<IReadOnlyDictionary<int, ReplyContent>> RepliesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RepliesOf(db, db.Set<Reply>().Where(r => keys.Contains(r.Id))).ToDictionaryAsync(r => r.Id, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, SpecialtyContent>> SpecialtiesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Specialty>().AsNoTracking().Where(s => keys.Contains(s.Id))
            .Select(s => new SpecialtyContent(s.Id, s.Slug, s.Name)).ToDictionaryAsync(s => s.Id, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, FaqContent>> FaqsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var keys = ids.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Faq>().AsNoTracking().Where(f => keys.Contains(f.Id))
            .Select(f => new FaqContent(f.Id, f.Topic, db.Set<Specialty>().Where(s => s.Id == f.SpecialtyId).Select(s => s.Name).FirstOrDefault()))
            .ToDictionaryAsync(f => f.Id, cancellationToken);
    }

    private static IQueryable<ReplyContent> RepliesOf(MedQaDbContext db, IQueryable<Reply> replies) =>
        from r in replies.AsNoTracking()
        join d in db.Set<Doctor>() on r.DoctorId equals d.Id
        join s in db.Set<Specialty>() on d.SpecialtyId equals s.Id
        orderby r.QuestionId, r.Position
        select new ReplyContent(r.Id, r.QuestionId, r.Body, r.RepliedOn, d.Name, s.Name);
}
