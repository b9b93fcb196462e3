using MedQA.Faqs;
using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Replies;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Benchmarks;

/// <summary>
/// The hand-written endpoints' queries, compiled once (<c>EF.CompileAsyncQuery</c>): the best EF can do, so the
/// limit GraphQL is measured against includes what MedQA's own loaders do.
/// </summary>
internal static class HandWrittenQueries
{
    public static readonly Func<MedQaDbContext, IAsyncEnumerable<ListRow>> ListPage = EF.CompileAsyncQuery((MedQaDbContext db) =>
        db.Set<Question>().AsNoTracking().OrderByDescending(q => q.AskedOn).ThenByDescending(q => q.Id).Take(21)
            .Join(db.Set<Specialty>(), q => q.SpecialtyId, s => s.Id, (q, s) => new ListRow { Id = q.Id, Slug = q.Slug, Title = q.Title, AskedOn = q.AskedOn, Specialty = s.Name }));

    public static readonly Func<MedQaDbContext, int[], IAsyncEnumerable<ReplyRow>> ListReplies = EF.CompileAsyncQuery((MedQaDbContext db, int[] ids) =>
        from r in db.Set<Reply>().AsNoTracking()
        join d in db.Set<Doctor>() on r.DoctorId equals d.Id
        join s in db.Set<Specialty>() on d.SpecialtyId equals s.Id
        where ids.Contains(r.QuestionId)
        orderby r.QuestionId, r.Position
        select new ReplyRow { QuestionId = r.QuestionId, Body = null, RepliedOn = r.RepliedOn, Doctor = d.Name, Specialty = s.Name });

    public static readonly Func<MedQaDbContext, string, Task<QuestionRow?>> Question = EF.CompileAsyncQuery((MedQaDbContext db, string slug) =>
        db.Set<Question>().AsNoTracking().Where(q => q.Slug == slug)
            .Join(db.Set<Specialty>(), q => q.SpecialtyId, s => s.Id, (q, s) => new QuestionRow { Question = q, Specialty = s.Name }).FirstOrDefault());

    public static readonly Func<MedQaDbContext, int, IAsyncEnumerable<ReplyRow>> Replies = EF.CompileAsyncQuery((MedQaDbContext db, int id) =>
        from r in db.Set<Reply>().AsNoTracking()
        join d in db.Set<Doctor>() on r.DoctorId equals d.Id
        join s in db.Set<Specialty>() on d.SpecialtyId equals s.Id
        where r.QuestionId == id
        orderby r.Position
        select new ReplyRow { QuestionId = r.QuestionId, Body = r.Body, RepliedOn = r.RepliedOn, Doctor = d.Name, Specialty = s.Name });

    public static readonly Func<MedQaDbContext, int, Task<Article?>> Article = EF.CompileAsyncQuery((MedQaDbContext db, int id) =>
        db.Set<Article>().AsNoTracking().FirstOrDefault(a => a.QuestionId == id));

    public static readonly Func<MedQaDbContext, int, IAsyncEnumerable<TextRow>> Sections = EF.CompileAsyncQuery((MedQaDbContext db, int id) =>
        db.Set<ArticleSection>().AsNoTracking().Where(s => s.QuestionId == id).OrderBy(s => s.Position).Select(s => new TextRow { Name = s.Heading, Text = s.Body }));

    public static readonly Func<MedQaDbContext, int, IAsyncEnumerable<TextRow>> Plugins = EF.CompileAsyncQuery((MedQaDbContext db, int id) =>
        db.Set<PluginRecord>().AsNoTracking().Where(r => r.ContentType == "Question" && r.ContentId == id).Select(r => new TextRow { Name = r.Plugin, Text = r.Json }));

    public static readonly Func<MedQaDbContext, int, IAsyncEnumerable<TeaserRow>> Teasers = EF.CompileAsyncQuery((MedQaDbContext db, int id) =>
        db.Set<SimilarTeaser>().AsNoTracking().Where(t => t.QuestionId == id).OrderBy(t => t.Position).Select(t => new TeaserRow
        {
            Teaser = t,
            Link = db.Set<Question>().Where(o => o.Headline == t.LinkHeadline).OrderBy(o => o.Id).Select(o => o.Slug).FirstOrDefault(),
        }));

    public static readonly Func<MedQaDbContext, int, IAsyncEnumerable<string>> Faqs = EF.CompileAsyncQuery((MedQaDbContext db, int id) =>
        db.Set<QuestionFaq>().AsNoTracking().Where(l => l.QuestionId == id).OrderBy(l => l.Position).Join(db.Set<Faq>(), l => l.FaqId, f => f.Id, (l, f) => f.Topic));
}

internal sealed class ListRow
{
    public int Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public DateOnly AskedOn { get; init; }

    public required string Specialty { get; init; }
}

internal sealed class ReplyRow
{
    public int QuestionId { get; init; }

    public string? Body { get; init; }

    public DateOnly RepliedOn { get; init; }

    public required string Doctor { get; init; }

    public required string Specialty { get; init; }
}

internal sealed class QuestionRow
{
    public required Question Question { get; init; }

    public required string Specialty { get; init; }
}

internal sealed class TextRow
{
    public required string Name { get; init; }

    public required string Text { get; init; }
}

internal sealed class TeaserRow
{
    public required SimilarTeaser Teaser { get; init; }

    public string? Link { get; init; }
}
