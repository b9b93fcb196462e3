using System.Text.Json;
using MedQA.Faqs;
using MedQA.Gateway.Plugins;
using MedQA.Kernel.Data;
using MedQA.Plugins;
using MedQA.Questions;
using MedQA.Replies;

namespace MedQA.Gateway.Import;

public sealed partial class ImportSession
{
    private void AddContent(ParsedPage page, int questionId, IReadOnlyDictionary<string, int> doctorIds, IReadOnlyList<int> faqIds)
    {
        _db.AddRange(page.Replies.Select((r, i) => new Reply
        {
            QuestionId = questionId, Position = i, DoctorId = doctorIds[r.DoctorName], Body = r.Body, RepliedOn = r.RepliedOn,
        }));
        if (page.Article is { } article)
        {
            _db.Add(new Article { QuestionId = questionId, Intro = article.Intro, Conclusion = article.Conclusion });
            _db.AddRange(article.Sections.Select((s, i) => new ArticleSection
            {
                QuestionId = questionId, Position = i, Heading = s.Heading, Body = s.Body,
            }));
        }
        _db.AddRange(page.Similar.Select((t, i) => new SimilarTeaser
        {
            QuestionId = questionId, Position = i, Headline = t.Headline, QuestionExcerpt = t.QuestionExcerpt,
            DoctorName = t.DoctorName, DoctorSpecialty = t.DoctorSpecialty, ReplyExcerpt = t.ReplyExcerpt,
            LinkHeadline = t.LinkHeadline,
        }));
        _db.AddRange(faqIds.Select((faqId, i) => new QuestionFaq { QuestionId = questionId, FaqId = faqId, Position = i }));
    }

    /// <summary>
    /// Lets each active plugin claim article sections by heading and stores what it parsed, with the page.
    /// A plugin that throws loses its value for this page (logged); the page still imports.
    /// </summary>
    private void AddPluginRecords(ParsedPage page, int questionId)
    {
        if (page.Article is not { } article)
        {
            return;
        }
        foreach (var plugin in _plugins.Active)
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
                    _db.Add(new PluginRecord
                    {
                        Plugin = plugin.Name, ContentType = nameof(ContentType.Question), ContentId = questionId, Key = parser.Key,
                        Json = JsonSerializer.Serialize(value, value.GetType(), PluginStore.Json),
                    });
                }
                catch (Exception e)
                {
                    _logger.LogWarning(e, "Plugin {Plugin} failed to parse a section of '{Title}'; its value is not stored", plugin.Name, page.Title);
                }
            }
        }
    }
}
