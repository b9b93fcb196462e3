using MedQA.Kernel.Data;
using MedQA.Questions.Search;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Questions;

/// <summary>A "Similar Q&amp;A" entry: one of the page's own teasers, or a question MedQA found similar.</summary>
public sealed record SimilarItem(
    string Headline, string QuestionExcerpt, string DoctorName, string DoctorSpecialty, string ReplyExcerpt,
    string LinkHeadline, int? QuestionId, bool Curated)
{
    public static SimilarItem From(SimilarTeaser teaser) => new(teaser.Headline, teaser.QuestionExcerpt, teaser.DoctorName,
        teaser.DoctorSpecialty, teaser.ReplyExcerpt, teaser.LinkHeadline, null, Curated: true);
}

/// <summary>The first reply of a question as a teaser shows it; provided by the Replies module.</summary>
public sealed record TeaserReply(string DoctorName, string DoctorSpecialty, string ReplyExcerpt);

/// <summary>Gives the replying doctor and a reply excerpt for teasers of computed similar questions.</summary>
public interface ITeaserReplies
{
    Task<IReadOnlyDictionary<int, TeaserReply>> FirstRepliesAsync(MedQaDbContext db, IReadOnlyCollection<int> questionIds, CancellationToken cancellationToken);
}

/// <summary>
/// Questions similar to one question: those whose text shares the most words with its title and headline (the
/// search engine's ranking), questions of the same specialty first.
/// </summary>
public sealed class SimilarQuestions(IDbContextFactory<MedQaDbContext> contexts, IQuestionSearch search, IEnumerable<ITeaserReplies> replies)
{
    public const int MaxFirst = 20;
    private const int ExcerptLength = 200;

    public async Task<IReadOnlyList<SimilarItem>> FindAsync(int questionId, int take, IReadOnlyCollection<string> skipHeadlines, CancellationToken cancellationToken)
    {
        if (take <= 0)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var question = await db.Set<Question>().Where(q => q.Id == questionId)
            .Select(q => new { q.Title, q.Headline, q.SpecialtyId }).SingleOrDefaultAsync(cancellationToken);
        var text = SearchQuery.AnyOf([question?.Title ?? "", question?.Headline ?? ""]);
        if (question is null || text.IsEmpty)
        {
            return [];
        }
        var found = await db.Set<Question>()
            .Where(q => q.Id != questionId && !skipHeadlines.Contains(q.Headline))
            .Join(search.Ranked(db, text), q => q.Id, r => r.QuestionId, (q, r) => new { q.Id, q.Headline, q.Body, q.SpecialtyId, r.Score })
            .OrderByDescending(x => x.SpecialtyId == question.SpecialtyId).ThenByDescending(x => x.Score).ThenBy(x => x.Id)
            .Take(take)
            .Select(x => new { x.Id, x.Headline, Excerpt = x.Body.Substring(0, ExcerptLength + 1) })
            .ToListAsync(cancellationToken);
        var firstReplies = replies.FirstOrDefault() is { } source
            ? await source.FirstRepliesAsync(db, found.Select(f => f.Id).ToList(), cancellationToken)
            : new Dictionary<int, TeaserReply>();
        return found.Select(f =>
        {
            var reply = firstReplies.GetValueOrDefault(f.Id) ?? new TeaserReply("", "", "");
            return new SimilarItem(f.Headline, Excerpt(f.Excerpt), reply.DoctorName, reply.DoctorSpecialty, reply.ReplyExcerpt, f.Headline, f.Id, Curated: false);
        }).ToList();
    }

    /// <summary>The text cut to the teaser length, with "..." where it was cut, as the site's teasers are.</summary>
    public static string Excerpt(string text) => text.Length > ExcerptLength ? text[..ExcerptLength].TrimEnd() + "..." : text;
}
