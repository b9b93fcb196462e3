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
    /// <summary>The page's rows under its question (replies, article and sections, teasers, FAQ links), into <paramref name="rows"/>.</summary>
    private static async Task AddContentAsync(
        IRowSink rows, ParsedPage page, int questionId, IReadOnlyDictionary<(string Name, string Specialty), int> doctorIds, IReadOnlyList<int> faqIds,
        CancellationToken cancellationToken)
    {
        foreach (var (r, i) in page.Replies.Select((r, i) => (r, i)))
        {
            await rows.AddAsync(new Reply
            {
                QuestionId = questionId, Position = i, DoctorId = doctorIds[(r.DoctorName, r.Specialty)], Body = r.Body, RepliedOn = r.RepliedOn,
            }, cancellationToken);
        }
        if (page.Article is { } article)
        {
            await rows.AddAsync(new Article { QuestionId = questionId, Intro = article.Intro, Conclusion = article.Conclusion }, cancellationToken);
            foreach (var (s, i) in article.Sections.Select((s, i) => (s, i)))
            {
                await rows.AddAsync(new ArticleSection { QuestionId = questionId, Position = i, Heading = s.Heading, Body = s.Body }, cancellationToken);
            }
        }
        foreach (var (t, i) in page.Similar.Select((t, i) => (t, i)))
        {
            await rows.AddAsync(new SimilarTeaser
            {
                QuestionId = questionId, Position = i, Headline = t.Headline, QuestionExcerpt = t.QuestionExcerpt,
                DoctorName = t.DoctorName, DoctorSpecialty = t.DoctorSpecialty, ReplyExcerpt = t.ReplyExcerpt,
                LinkHeadline = t.LinkHeadline,
            }, cancellationToken);
        }
        foreach (var (faqId, i) in faqIds.Select((f, i) => (f, i)))
        {
            await rows.AddAsync(new QuestionFaq { QuestionId = questionId, FaqId = faqId, Position = i }, cancellationToken);
        }
    }

    /// <summary>
    /// Lets each active plugin claim article sections by heading and parse them; the values are stored with the page.
    /// A plugin that throws loses its value for this page (logged); the page still imports.
    /// </summary>
    private IReadOnlyList<PluginValue> PluginValues(ParsedPage page) =>
        page.Article is { } article ? PluginValuesOf(_plugins.Active, article, page.Title, _logger) : [];

    /// <summary>The values <paramref name="plugins"/> parse from an article's sections (import, and backfill from stored sections).</summary>
    internal static IReadOnlyList<PluginValue> PluginValuesOf(IEnumerable<LoadedPlugin> plugins, ParsedArticle article, string title, ILogger logger)
    {
        var values = new List<PluginValue>();
        foreach (var plugin in plugins)
        {
            foreach (var parser in plugin.Parsers)
            {
                try
                {
                    if (article.Sections.FirstOrDefault(s => parser.Claims(s.Heading)) is { } section
                        && parser.Parse(new ImportedSection(section.Heading, section.Body,
                            section.Items.Select(i => new ImportedItem(i.Number, i.Title, i.Text)).ToList())) is { } value)
                    {
                        values.Add(new PluginValue(plugin.Name, parser.Key, JsonSerializer.Serialize(value, value.GetType(), PluginStore.Json)));
                    }
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Plugin {Plugin} failed to parse a section of '{Title}'; its value is not stored", plugin.Name, title);
                }
            }
        }
        return values;
    }

    private static async Task AddPluginRecordsAsync(IRowSink rows, PreparedPage page, int questionId, CancellationToken cancellationToken)
    {
        foreach (var value in page.PluginValues)
        {
            await rows.AddAsync(new PluginRecord
            {
                Plugin = value.Plugin, ContentType = nameof(ContentType.Question), ContentId = questionId, Key = value.Key, Json = value.Json,
            }, cancellationToken);
        }
    }
}

/// <summary>A page with what can be worked out before writing it: its plugins' values.</summary>
public sealed record PreparedPage(ParsedPage Page, IReadOnlyList<PluginValue> PluginValues);

/// <summary>A value a plugin parsed from a page's article, as JSON.</summary>
public sealed record PluginValue(string Plugin, string Key, string Json);
