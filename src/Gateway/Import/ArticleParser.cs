namespace MedQA.Gateway.Import;

/// <summary>
/// Reads the "More Info" part: intro paragraphs, then sections. A section heading is a short line with no closing
/// punctuation that starts a paragraph ("Causes of Facial Nerve Twitches"), or a question directly followed by a
/// numbered item ("What Causes Knee Pain?"); a "Conclusion" section is the conclusion.
/// </summary>
internal static class ArticleParser
{
    public static ParsedArticle Read(PageLines lines)
    {
        var paragraphs = Paragraphs(lines);
        var intro = new List<string>();
        var sections = new List<(string Heading, List<string> Paragraphs)>();
        foreach (var paragraph in paragraphs)
        {
            if (IsHeading(paragraph))
            {
                sections.Add((paragraph[0].Trim(), [string.Join('\n', paragraph.Skip(1))]));
            }
            else if (sections.Count > 0)
            {
                sections[^1].Paragraphs.Add(string.Join('\n', paragraph));
            }
            else
            {
                intro.Add(string.Join('\n', paragraph));
            }
        }
        string? conclusion = null;
        var parsed = new List<ParsedSection>();
        foreach (var (heading, body) in sections)
        {
            var text = PageLines.Join(string.Join("\n\n", body.Where(p => p.Length > 0)).Split('\n'));
            if (heading.Equals("Conclusion", StringComparison.OrdinalIgnoreCase) && conclusion is null)
            {
                conclusion = text;
            }
            else
            {
                parsed.Add(new ParsedSection(heading, text, Items(text)));
            }
        }
        return new ParsedArticle(string.Join("\n\n", intro), parsed, conclusion);
    }

    /// <summary>Blocks of consecutive non-blank lines, up to the next part of the page.</summary>
    private static List<List<string>> Paragraphs(PageLines lines)
    {
        var paragraphs = new List<List<string>>();
        while (lines.SkipBlank() && !PagePatterns.IsPartStart(lines.Current))
        {
            paragraphs.Add(lines.TakeUntil(l => string.IsNullOrWhiteSpace(l) || PagePatterns.IsPartStart(l))
                .Select(l => l.TrimEnd()).ToList());
        }
        return paragraphs;
    }

    /// <summary>
    /// Whether a paragraph starts with a heading: a short line without closing punctuation, or a question ("What
    /// Causes Knee Pain?") directly followed by a numbered item, as site pages head their causes lists.
    /// </summary>
    private static bool IsHeading(List<string> paragraph)
    {
        var text = paragraph[0].Trim();
        if (text.Length is 0 or > 120 || PagePatterns.Item().IsMatch(text))
        {
            return false;
        }
        return text[^1] == '?'
            ? paragraph.Count > 1 && PagePatterns.Item().IsMatch(paragraph[1].Trim())
            : !".:;!,".Contains(text[^1]);
    }

    /// <summary>The numbered items of a section: "N. Title: text", a continuation line joining the item above.</summary>
    internal static List<ParsedItem> Items(string body)
    {
        var items = new List<ParsedItem>();
        foreach (var line in body.Split('\n'))
        {
            var match = PagePatterns.Item().Match(line.Trim());
            if (match.Success)
            {
                var text = match.Groups["text"].Value;
                var colon = text.IndexOf(": ", StringComparison.Ordinal);
                items.Add(colon > 0
                    ? new ParsedItem(int.Parse(match.Groups["number"].Value), text[..colon].Trim(), text[(colon + 2)..].Trim())
                    : new ParsedItem(int.Parse(match.Groups["number"].Value), text.Trim(), ""));
            }
            else if (items.Count > 0 && line.Trim().Length > 0)
            {
                items[^1] = items[^1] with { Text = (items[^1].Text + "\n" + line.Trim()).Trim() };
            }
        }
        return items;
    }
}
