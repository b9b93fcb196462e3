using System.Text.Json;
using MedQA.Faqs;
using MedQA.Gateway.Plugins;
using MedQA.Kernel;
using MedQA.Kernel.Data;
using MedQA.Plugins;
using MedQA.Questions;
using MedQA.Replies;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Import;

/// <summary>
/// Writes one parsed page in one transaction. A page is the same page when title, asker alias and ask date match:
/// re-importing it replaces its replies, article, teasers and FAQ links instead of adding a question.
/// Specialties, doctors and FAQ topics are shared and never duplicated.
/// </summary>
public sealed class PageImporter(IDbContextFactory<MedQaDbContext> contexts, PluginCatalog plugins, ILogger<PageImporter> logger)
{
    public async Task<ImportedPage> ImportAsync(ParsedPage page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var specialties = await SpecialtiesAsync(db, page, cancellationToken);
            var doctors = await DoctorsAsync(db, page, specialties, cancellationToken);
            var (question, created) = await QuestionAsync(db, page, specialties[page.Specialty].Id, cancellationToken);
            AddContent(db, page, question, doctors);
            AddPluginRecords(db, page, question.Id);
            await LinkFaqsAsync(db, page, question, specialties, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportedPage(question.Id, question.Slug, created);
        });
    }

    private static async Task<Dictionary<string, Specialty>> SpecialtiesAsync(
        MedQaDbContext db, ParsedPage page, CancellationToken cancellationToken)
    {
        var names = page.Replies.Select(r => r.Specialty).Concat(page.Faqs.Select(f => f.Specialty))
            .Append(page.Specialty).ToHashSet(StringComparer.Ordinal);
        var known = await db.Set<Specialty>().Where(s => names.Contains(s.Name)).ToDictionaryAsync(s => s.Name, cancellationToken);
        foreach (var name in names.Where(n => !known.ContainsKey(n)))
        {
            var slug = await FreeSlugAsync(db.Set<Specialty>().Select(s => s.Slug), Slug.From(name, "specialty"), cancellationToken);
            known[name] = db.Add(new Specialty { Name = name, Slug = slug }).Entity;
            await db.SaveChangesAsync(cancellationToken); // the id, and the slug taken before the next one is picked
        }
        return known;
    }

    private static async Task<Dictionary<string, Doctor>> DoctorsAsync(
        MedQaDbContext db, ParsedPage page, Dictionary<string, Specialty> specialties, CancellationToken cancellationToken)
    {
        var names = page.Replies.Select(r => r.DoctorName).ToHashSet(StringComparer.Ordinal);
        var known = await db.Set<Doctor>().Where(d => names.Contains(d.Name)).ToDictionaryAsync(d => d.Name, cancellationToken);
        foreach (var reply in page.Replies)
        {
            var specialtyId = specialties[reply.Specialty].Id;
            if (known.TryGetValue(reply.DoctorName, out var doctor))
            {
                doctor.SpecialtyId = specialtyId;
            }
            else
            {
                known[reply.DoctorName] = db.Add(new Doctor { Name = reply.DoctorName, SpecialtyId = specialtyId }).Entity;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return known;
    }

    private static async Task<(Question, bool Created)> QuestionAsync(
        MedQaDbContext db, ParsedPage page, int specialtyId, CancellationToken cancellationToken)
    {
        var question = await db.Set<Question>().SingleOrDefaultAsync(
            q => q.Title == page.Title && q.AskerAlias == page.Asker.Alias && q.AskedOn == page.AskedOn, cancellationToken);
        var created = question is null;
        if (question is null)
        {
            var slug = await FreeSlugAsync(db.Set<Question>().Select(q => q.Slug), Slug.From(page.Title, "question"), cancellationToken);
            question = db.Add(new Question
            {
                Slug = slug, Title = page.Title, Headline = page.Headline, Body = page.Body, AskerAlias = page.Asker.Alias,
            }).Entity;
        }
        else
        {
            await db.Set<Reply>().Where(r => r.QuestionId == question.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Article>().Where(a => a.QuestionId == question.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<ArticleSection>().Where(s => s.QuestionId == question.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<SimilarTeaser>().Where(t => t.QuestionId == question.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<QuestionFaq>().Where(l => l.QuestionId == question.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<PluginRecord>().Where(r => r.ContentType == nameof(ContentType.Question) && r.ContentId == question.Id)
                .ExecuteDeleteAsync(cancellationToken);
        }
        question.Headline = page.Headline;
        question.Body = page.Body;
        question.AskedOn = page.AskedOn;
        question.SpecialtyId = specialtyId;
        question.AskerGender = page.Asker.Gender;
        question.AskerAgeMin = page.Asker.AgeMin;
        question.AskerAgeMax = page.Asker.AgeMax;
        await db.SaveChangesAsync(cancellationToken);
        return (question, created);
    }

    private static void AddContent(MedQaDbContext db, ParsedPage page, Question question, Dictionary<string, Doctor> doctors)
    {
        db.AddRange(page.Replies.Select((r, i) => new Reply
        {
            QuestionId = question.Id, Position = i, DoctorId = doctors[r.DoctorName].Id, Body = r.Body, RepliedOn = r.RepliedOn,
        }));
        if (page.Article is { } article)
        {
            db.Add(new Article { QuestionId = question.Id, Intro = article.Intro, Conclusion = article.Conclusion });
            db.AddRange(article.Sections.Select((s, i) => new ArticleSection
            {
                QuestionId = question.Id, Position = i, Heading = s.Heading, Body = s.Body,
            }));
        }
        db.AddRange(page.Similar.Select((t, i) => new SimilarTeaser
        {
            QuestionId = question.Id, Position = i, Headline = t.Headline, QuestionExcerpt = t.QuestionExcerpt,
            DoctorName = t.DoctorName, DoctorSpecialty = t.DoctorSpecialty, ReplyExcerpt = t.ReplyExcerpt,
            LinkHeadline = t.LinkHeadline,
        }));
    }

    /// <summary>
    /// Lets each active plugin claim article sections by heading and stores what it parsed, in this transaction.
    /// A plugin that throws loses its value for this page (logged); the page still imports.
    /// </summary>
    private void AddPluginRecords(MedQaDbContext db, ParsedPage page, int questionId)
    {
        if (page.Article is not { } article)
        {
            return;
        }
        foreach (var plugin in plugins.Active)
        {
            foreach (var parser in plugin.Parsers)
            {
                try
                {
                    if (article.Sections.FirstOrDefault(s => parser.Claims(s.Heading)) is not { } section
                        || parser.Parse(new ImportedSection(section.Heading, section.Body,
                            section.Items.Select(i => new ImportedItem(i.Number, i.Title, i.Text)).ToList())) is not { } value)
                    {
                        continue;
                    }
                    db.Add(new PluginRecord
                    {
                        Plugin = plugin.Name, ContentType = nameof(ContentType.Question), ContentId = questionId, Key = parser.Key,
                        Json = JsonSerializer.Serialize(value, value.GetType(), PluginStore.Json),
                    });
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Plugin {Plugin} failed to parse a section of '{Title}'; its value is not stored", plugin.Name, page.Title);
                }
            }
        }
    }

    private static async Task LinkFaqsAsync(
        MedQaDbContext db, ParsedPage page, Question question, Dictionary<string, Specialty> specialties,
        CancellationToken cancellationToken)
    {
        var wanted = page.Faqs.Select(f => (SpecialtyId: specialties[f.Specialty].Id, f.Topic)).Distinct().ToList();
        var topics = wanted.Select(w => w.Topic).ToHashSet(StringComparer.Ordinal);
        var known = (await db.Set<Faq>().Where(f => topics.Contains(f.Topic)).ToListAsync(cancellationToken))
            .ToDictionary(f => (f.SpecialtyId, f.Topic));
        foreach (var key in wanted.Where(w => !known.ContainsKey(w)))
        {
            known[key] = db.Add(new Faq { SpecialtyId = key.SpecialtyId, Topic = key.Topic }).Entity;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(wanted.Select((w, i) => new QuestionFaq { QuestionId = question.Id, FaqId = known[w].Id, Position = i }));
    }

    /// <summary>The slug itself, or with the first free "-2", "-3", ... suffix.</summary>
    private static async Task<string> FreeSlugAsync(IQueryable<string> slugs, string slug, CancellationToken cancellationToken)
    {
        var prefix = slug + "-";
        var taken = (await slugs.Where(s => s == slug || s.StartsWith(prefix)).ToListAsync(cancellationToken)).ToHashSet();
        if (!taken.Contains(slug))
        {
            return slug;
        }
        var n = 2;
        while (taken.Contains($"{slug}-{n}"))
        {
            n++;
        }
        return $"{slug}-{n}";
    }
}

/// <summary>What an import wrote: the question's id and slug, and whether it was new.</summary>
public sealed record ImportedPage(int QuestionId, string Slug, bool Created);
