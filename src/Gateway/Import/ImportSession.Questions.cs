using MedQA.Faqs;
using MedQA.Kernel;
using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Replies;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Import;

/// <summary>The question row of a page: found by its identity and replaced, or inserted with a free slug.</summary>
public sealed partial class ImportSession
{
    private async Task<(int Id, string Slug, bool Created)> QuestionAsync(ParsedPage page, int specialtyId, CancellationToken cancellationToken)
    {
        var slug = Slug.From(page.Title, "question");
        var id = await _commands.LookUpAsync(page, slug, cancellationToken);
        if (id <= 0)
        {
            if (id < 0) // a new page whose slug another question has
            {
                slug = await FreeSlugAsync(_db.Set<Question>().Select(q => q.Slug), slug, cancellationToken);
            }
            return (await _commands.InsertReturningKeyAsync(NewQuestion(page, slug, specialtyId), cancellationToken), slug, true);
        }
        var existing = await _db.Set<Question>().SingleAsync(q => q.Id == id, cancellationToken);
        await _commands.UnindexAsync(id, cancellationToken); // while its rows still hold the indexed text
        await DeleteContentAsync(id, cancellationToken);
        Fill(existing, page, specialtyId);
        _db.ChangeTracker.DetectChanges();
        await _db.SaveChangesAsync(cancellationToken);
        return (id, existing.Slug, false);
    }

    private static Question NewQuestion(ParsedPage page, string slug, int specialtyId)
    {
        var question = new Question { Slug = slug, Title = page.Title, Headline = page.Headline, Body = page.Body, AskerAlias = page.Asker.Alias };
        Fill(question, page, specialtyId);
        return question;
    }

    private static void Fill(Question question, ParsedPage page, int specialtyId)
    {
        question.Headline = page.Headline;
        question.Body = page.Body;
        question.AskedOn = page.AskedOn;
        question.SpecialtyId = specialtyId;
        question.AskerGender = page.Asker.Gender;
        question.AskerAgeMin = page.Asker.AgeMin;
        question.AskerAgeMax = page.Asker.AgeMax;
    }

    private async Task DeleteContentAsync(int questionId, CancellationToken cancellationToken)
    {
        await _db.Set<Reply>().Where(r => r.QuestionId == questionId).ExecuteDeleteAsync(cancellationToken);
        await _db.Set<Article>().Where(a => a.QuestionId == questionId).ExecuteDeleteAsync(cancellationToken);
        await _db.Set<ArticleSection>().Where(s => s.QuestionId == questionId).ExecuteDeleteAsync(cancellationToken);
        await _db.Set<SimilarTeaser>().Where(t => t.QuestionId == questionId).ExecuteDeleteAsync(cancellationToken);
        await _db.Set<QuestionFaq>().Where(l => l.QuestionId == questionId).ExecuteDeleteAsync(cancellationToken);
        // Only the active plugins' values are replaced (they are parsed again from the page); a disabled plugin's
        // stay, as nothing could write them back.
        var active = _plugins.Active.Select(p => p.Name).ToList();
        await _db.Set<PluginRecord>()
            .Where(r => r.ContentType == nameof(MedQA.Plugins.ContentType.Question) && r.ContentId == questionId && active.Contains(r.Plugin))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The slug itself, or with the first free "-2", "-3", ... suffix.</summary>
    internal static async Task<string> FreeSlugAsync(IQueryable<string> slugs, string slug, CancellationToken cancellationToken)
    {
        if (!await slugs.AnyAsync(s => s == slug, cancellationToken)) // the common case, on the unique index
        {
            return slug;
        }
        var prefix = slug + "-";
        var taken = (await slugs.Where(s => s.StartsWith(prefix)).ToListAsync(cancellationToken)).ToHashSet();
        var n = 2;
        while (taken.Contains($"{slug}-{n}"))
        {
            n++;
        }
        return $"{slug}-{n}";
    }
}
