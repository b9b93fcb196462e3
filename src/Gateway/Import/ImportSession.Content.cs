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
        page.Article is { } article ? PluginValuesOf(_plugins.Active, Context(page, article), article.Sections, _logger) : [];

    /// <summary>A page as parsers see it: what the importer read (the same as <c>plugins backfill</c> reads back).</summary>
    private static ImportedPageContext Context(ParsedPage page, ParsedArticle article) => new(
        page.Title, page.Headline, page.Body, page.AskedOn, page.Specialty,
        new AskerContent(page.Asker.Alias, page.Asker.Gender.ToString(), page.Asker.AgeMin, page.Asker.AgeMax),
        [.. page.Replies.Select(r => new ImportedReply(r.DoctorName, r.Specialty, r.Body, r.RepliedOn))],
        new ArticleContent(article.Intro, [.. article.Sections.Select(s => new ArticleSectionContent(s.Heading, s.Body))], article.Conclusion));

    /// <summary>
    /// The values <paramref name="plugins"/> parse from a page's article <paramref name="sections"/>, with the page as
    /// context (import, and backfill from the stored page).
    /// </summary>
    internal static IReadOnlyList<PluginValue> PluginValuesOf(
        IEnumerable<LoadedPlugin> plugins, ImportedPageContext page, IReadOnlyList<ParsedSection> sections, ILogger logger)
    {
        var values = new List<PluginValue>();
        foreach (var plugin in plugins)
        {
            foreach (var parser in plugin.Parsers)
            {
                try
                {
                    if (sections.FirstOrDefault(s => parser.Claims(s.Heading)) is { } section
                        && parser.Parse(new ImportedSection(section.Heading, section.Body,
                            section.Items.Select(i => new ImportedItem(i.Number, i.Title, i.Text)).ToList()), page) is { } value)
                    {
                        values.Add(new PluginValue(plugin.Name, parser.Key, JsonSerializer.Serialize(value, value.GetType(), PluginStore.Json)));
                    }
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Plugin {Plugin} failed to parse a section of '{Title}'; its value is not stored", plugin.Name, page.Title);
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
