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

/// <summary>The question page, hand-written: seven compiled queries, no GraphQL.</summary>
internal static class QuestionPage
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(HttpContext http, IDbContextFactory<MedQaDbContext> contexts, string slug)
    {
        var cancel = http.RequestAborted;
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var q = await HandWrittenQueries.Question(db, slug);
        if (q is null)
        {
            await Json(http, w => w.WriteNull("question"));
            return;
        }
        var id = q.Question.Id;
        var replies = await HandWrittenQueries.Replies(db, id).ToListAsync(cancel);
        var article = await HandWrittenQueries.Article(db, id);
        var sections = article is null ? [] : await HandWrittenQueries.Sections(db, id).ToListAsync(cancel);
        var plugins = await HandWrittenQueries.Plugins(db, id).ToListAsync(cancel);
        var teasers = await HandWrittenQueries.Teasers(db, id).ToListAsync(cancel);
        var faqs = await HandWrittenQueries.Faqs(db, id).ToListAsync(cancel);

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
                Reply(w, r.Body, r.RepliedOn, r.Doctor, r.Specialty);
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
                    w.WriteString("heading", s.Name);
                    w.WriteString("body", s.Text);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteString("conclusion", article.Conclusion);
                w.WriteEndObject();
            }
            Section(w, "causes", plugins.FirstOrDefault(p => p.Name == "causes-summary")?.Text);
            Section(w, "treatments", plugins.FirstOrDefault(p => p.Name == "treatment-summary")?.Text);
            w.WriteStartArray("similar");
            foreach (var (t, link) in teasers.Select(r => (r.Teaser, r.Link)))
            {
                w.WriteStartObject();
                w.WriteString("headline", t.Headline);
                w.WriteString("questionExcerpt", t.QuestionExcerpt);
                w.WriteString("doctorName", t.DoctorName);
                w.WriteString("doctorSpecialty", t.DoctorSpecialty);
                w.WriteString("replyExcerpt", t.ReplyExcerpt);
                if (link is null)
                {
                    w.WriteNull("question");
                }
                else
                {
                    w.WriteStartObject("question");
                    w.WriteString("slug", link);
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
