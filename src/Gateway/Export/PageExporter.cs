using System.Diagnostics;
using System.Text;
using MedQA.Faqs;
using MedQA.Gateway.Import;
using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Replies;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Export;

/// <summary>Which questions an export writes: all of them, one specialty's, or those asked on or after a day.</summary>
public sealed record ExportFilter(string? Specialty = null, DateOnly? Since = null);

/// <summary>
/// Writes questions back as page files, one per question named by its slug (<c>facial-nerve-twitching.txt</c>), in
/// the site's format (<see cref="PageWriter"/>). Reads the catalogue a batch of questions at a time, six statements
/// a batch (the questions, then <see cref="PagesAsync"/>), so an export costs the same per page at any size.
/// </summary>
public sealed class PageExporter(IDbContextFactory<MedQaDbContext> contexts)
{
    private const int BatchSize = 500;

    /// <summary>The longest file name most file systems take, in UTF-8 bytes, with room for ".txt".</summary>
    private const int MaxFileNameBytes = 250;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<ExportReport> ExportAsync(string folder, ExportFilter filter, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var report = new ExportReport();
        if (File.Exists(folder))
        {
            throw new ArgumentException($"{folder} is a file: export writes one file per question into a folder.");
        }
        Directory.CreateDirectory(folder);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var questions = await FilterAsync(db, filter, cancellationToken);
        var specialties = await db.Set<Specialty>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var after = 0;
        while (true)
        {
            var batch = await questions.Where(q => q.Id > after).OrderBy(q => q.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            after = batch[^1].Id;
            foreach (var (slug, page) in await PagesAsync(db, batch, specialties, cancellationToken))
            {
                if (Utf8.GetByteCount(slug) > MaxFileNameBytes)
                {
                    report.Failed.Add(slug);
                    await errors.WriteLineAsync($"{slug[..40]}...: the slug is too long for a file name; the page is not exported");
                    continue;
                }
                await File.WriteAllTextAsync(Path.Combine(folder, slug + ".txt"), PageWriter.Write(page), Utf8, cancellationToken);
                report.Exported++;
            }
        }
        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>The questions the filter selects; throws <see cref="ArgumentException"/> for a specialty that does not exist.</summary>
    private static async Task<IQueryable<Question>> FilterAsync(MedQaDbContext db, ExportFilter filter, CancellationToken cancellationToken)
    {
        var questions = db.Set<Question>().AsNoTracking();
        if (filter.Specialty is { } name)
        {
            var specialties = await db.Set<Specialty>().AsNoTracking().ToListAsync(cancellationToken);
            var specialty = specialties.FirstOrDefault(s => s.Slug == name || s.Name == name)
                ?? specialties.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException(
                    $"There is no specialty '{name}'; give a name or slug: {string.Join(", ", specialties.Select(s => s.Slug).Order().Take(30))}.");
            questions = questions.Where(q => q.SpecialtyId == specialty.Id);
        }
        if (filter.Since is { } since)
        {
            questions = questions.Where(q => q.AskedOn >= since);
        }
        return questions;
    }

    /// <summary>A batch of questions as pages: five statements (replies with doctors, articles, sections, teasers, FAQ topics).</summary>
    private static async Task<List<(string Slug, ParsedPage Page)>> PagesAsync(
        MedQaDbContext db, List<Question> batch, IReadOnlyDictionary<int, string> specialties, CancellationToken cancellationToken)
    {
        var ids = batch.Select(q => q.Id).ToList();
        var replies = (await db.Set<Reply>().AsNoTracking().Where(r => ids.Contains(r.QuestionId))
                .Join(db.Set<Doctor>(), r => r.DoctorId, d => d.Id, (r, d) => new { r.QuestionId, r.Position, d.Name, d.SpecialtyId, r.Body, r.RepliedOn })
                .ToListAsync(cancellationToken))
            .OrderBy(r => r.Position).ToLookup(r => r.QuestionId, r => new ParsedReply(r.Name, specialties[r.SpecialtyId], r.Body, r.RepliedOn));
        var articles = await db.Set<Article>().AsNoTracking().Where(a => ids.Contains(a.QuestionId)).ToDictionaryAsync(a => a.QuestionId, cancellationToken);
        var sections = (await db.Set<ArticleSection>().AsNoTracking().Where(s => ids.Contains(s.QuestionId)).ToListAsync(cancellationToken))
            .OrderBy(s => s.Position).ToLookup(s => s.QuestionId, s => new ParsedSection(s.Heading, s.Body, ArticleParser.Items(s.Body)));
        var teasers = (await db.Set<SimilarTeaser>().AsNoTracking().Where(t => ids.Contains(t.QuestionId)).ToListAsync(cancellationToken))
            .OrderBy(t => t.Position).ToLookup(t => t.QuestionId,
                t => new ParsedTeaser(t.Headline, t.QuestionExcerpt, t.DoctorName, t.DoctorSpecialty, t.ReplyExcerpt, t.LinkHeadline));
        var faqs = (await db.Set<QuestionFaq>().AsNoTracking().Where(l => ids.Contains(l.QuestionId))
                .Join(db.Set<Faq>(), l => l.FaqId, f => f.Id, (l, f) => new { l.QuestionId, l.Position, f.Topic, f.SpecialtyId })
                .ToListAsync(cancellationToken))
            .OrderBy(f => f.Position).ToLookup(f => f.QuestionId, f => new ParsedFaq(f.Topic, specialties[f.SpecialtyId]));
        return batch.Select(q => (q.Slug, new ParsedPage(
            q.Headline, specialties[q.SpecialtyId], q.Title, q.Body,
            new ParsedAsker(q.AskerAlias, q.AskerGender, q.AskerAgeMin, q.AskerAgeMax), q.AskedOn,
            replies[q.Id].ToList(),
            articles.TryGetValue(q.Id, out var article) ? new ParsedArticle(article.Intro, sections[q.Id].ToList(), article.Conclusion) : null,
            teasers[q.Id].ToList(),
            faqs[q.Id].ToList()))).ToList();
    }
}

public sealed class ExportReport
{
    public int Exported { get; set; }

    public List<string> Failed { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public override string ToString() =>
        $"{Exported} pages exported, {Failed.Count} failed, in {Elapsed.TotalSeconds:0.00} s " +
        $"({(Elapsed.TotalSeconds > 0 ? Exported / Elapsed.TotalSeconds : 0):0} pages/s)";
}
