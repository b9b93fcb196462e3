using System.Text.Json;
using MedQA.Faqs;
using MedQA.Kernel.Data;
using MedQA.Plugins;
using MedQA.Questions;
using MedQA.Replies;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;
using static MedQA.Benchmarks.HandWrittenEndpoints;

namespace MedQA.Benchmarks;

/// <summary>The question page, hand-written: seven queries, no GraphQL.</summary>
internal static class QuestionPage
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(HttpContext http, IDbContextFactory<MedQaDbContext> contexts, string slug)
    {
        var cancel = http.RequestAborted;
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var q = await db.Set<Question>().AsNoTracking().Where(q => q.Slug == slug)
            .Join(db.Set<Specialty>(), q => q.SpecialtyId, s => s.Id, (q, s) => new { Question = q, Specialty = s.Name })
            .SingleOrDefaultAsync(cancel);
        if (q is null)
        {
            await Json(http, w => w.WriteNull("question"));
            return;
        }
        var id = q.Question.Id;
        var replies = await (from r in db.Set<Reply>()
                             join d in db.Set<Doctor>() on r.DoctorId equals d.Id
                             join s in db.Set<Specialty>() on d.SpecialtyId equals s.Id
                             where r.QuestionId == id
                             orderby r.Position
                             select new { r.Body, r.RepliedOn, d.Name, Specialty = s.Name }).AsNoTracking().ToListAsync(cancel);
        var article = await db.Set<Article>().AsNoTracking().SingleOrDefaultAsync(a => a.QuestionId == id, cancel);
        var sections = article is null ? [] : await db.Set<ArticleSection>().AsNoTracking()
            .Where(s => s.QuestionId == id).OrderBy(s => s.Position).Select(s => new { s.Heading, s.Body }).ToListAsync(cancel);
        var plugins = await db.Set<PluginRecord>().AsNoTracking()
            .Where(r => r.ContentType == "Question" && r.ContentId == id).Select(r => new { r.Plugin, r.Json }).ToListAsync(cancel);
        var teasers = await db.Set<SimilarTeaser>().AsNoTracking().Where(t => t.QuestionId == id).OrderBy(t => t.Position)
            .Select(t => new
            {
                t.Headline, t.QuestionExcerpt, t.DoctorName, t.DoctorSpecialty, t.ReplyExcerpt,
                Link = db.Set<Question>().Where(o => o.Headline == t.LinkHeadline).OrderBy(o => o.Id).Select(o => o.Slug).FirstOrDefault(),
            }).ToListAsync(cancel);
        var faqs = await db.Set<QuestionFaq>().Where(l => l.QuestionId == id).OrderBy(l => l.Position)
            .Join(db.Set<Faq>(), l => l.FaqId, f => f.Id, (l, f) => f.Topic).ToListAsync(cancel);

        await Json(http, w =>
        {
            var question = q.Question;
            w.WriteStartObject("question");
            w.WriteString("slug", question.Slug);
            w.WriteString("title", question.Title);
            w.WriteString("headline", question.Headline);
            w.WriteString("body", question.Body);
            w.WriteString("askedOn", Date(question.AskedOn));
            Named(w, "specialty", q.Specialty);
            w.WriteStartObject("asker");
            w.WriteString("alias", question.AskerAlias);
            w.WriteString("gender", question.AskerGender.ToString().ToUpperInvariant());
            if (question.AskerAgeMin is int min && question.AskerAgeMax is int max)
            {
                w.WriteStartObject("ageRange");
                w.WriteNumber("min", min);
                w.WriteNumber("max", max);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("ageRange");
            }
            w.WriteEndObject();
            w.WriteStartArray("replies");
            foreach (var r in replies)
            {
                Reply(w, r.Body, r.RepliedOn, r.Name, r.Specialty);
            }
            w.WriteEndArray();
            if (article is null)
            {
                w.WriteNull("article");
            }
            else
            {
                w.WriteStartObject("article");
                w.WriteString("intro", article.Intro);
                w.WriteStartArray("sections");
                foreach (var s in sections)
                {
                    w.WriteStartObject();
                    w.WriteString("heading", s.Heading);
                    w.WriteString("body", s.Body);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteString("conclusion", article.Conclusion);
                w.WriteEndObject();
            }
            Section(w, "causes", plugins.FirstOrDefault(p => p.Plugin == "causes-summary")?.Json);
            Section(w, "treatments", plugins.FirstOrDefault(p => p.Plugin == "treatment-summary")?.Json);
            w.WriteStartArray("similar");
            foreach (var t in teasers)
            {
                w.WriteStartObject();
                w.WriteString("headline", t.Headline);
                w.WriteString("questionExcerpt", t.QuestionExcerpt);
                w.WriteString("doctorName", t.DoctorName);
                w.WriteString("doctorSpecialty", t.DoctorSpecialty);
                w.WriteString("replyExcerpt", t.ReplyExcerpt);
                if (t.Link is null)
                {
                    w.WriteNull("question");
                }
                else
                {
                    w.WriteStartObject("question");
                    w.WriteString("slug", t.Link);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("relatedFaqs");
            foreach (var topic in faqs)
            {
                w.WriteStartObject();
                w.WriteString("topic", topic);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Section(Utf8JsonWriter w, string property, string? json)
    {
        if (json is null || JsonSerializer.Deserialize<EnrichmentSection>(json, Web) is not { } section)
        {
            w.WriteNull(property);
            return;
        }
        w.WriteStartObject(property);
        w.WriteString("heading", section.Heading);
        w.WriteString("summary", section.Summary);
        w.WriteStartArray("items");
        foreach (var item in section.Items)
        {
            w.WriteStartObject();
            w.WriteString("title", item.Title);
            w.WriteString("detail", item.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
