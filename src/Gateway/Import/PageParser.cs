using MedQA.Questions;

namespace MedQA.Gateway.Import;

/// <summary>
/// Reads a question page in the site's text format: headline (" - Specialty"), optional "Share to:", title, body,
/// asker line, one or more replies, then optional "More Info", "Similar Q&amp;A" and "Related FAQ" parts.
/// Throws <see cref="PageFormatException"/> naming the line at fault.
/// </summary>
public static class PageParser
{
    public static ParsedPage Parse(string text)
    {
        var lines = new PageLines(text.TrimStart('\uFEFF'));
        if (!lines.SkipBlank())
        {
            throw new PageFormatException(1, "the page is empty");
        }
        var headlineLine = lines.LineNumber;
        var (headline, headlineSpecialty) = ReadHeadline(lines);
        Fits(headline, Question.MaxTitleLength, headlineLine, "headline");
        Fits(headlineSpecialty ?? "", PageLimits.Name, headlineLine, "specialty");
        var title = ReadTitle(lines);
        Fits(title, Question.MaxTitleLength, lines.LineNumber - 1, "title");
        if (headline.Length == 0)
        {
            headline = title;
        }
        var body = PageLines.Join(lines.TakeUntil(PagePatterns.IsAskerLine));
        if (lines.AtEnd)
        {
            throw new PageFormatException(lines.Count, $"the page has no asker line {PagePatterns.AskerShape}");
        }
        var (asker, askedOn) = ReadAsker(lines);
        var replies = ReadReplies(lines);
        ParsedArticle? article = null;
        IReadOnlyList<ParsedTeaser> similar = [];
        IReadOnlyList<ParsedFaq> faqs = [];
        var specialty = headlineSpecialty ?? replies[0].Specialty;
        while (lines.SkipBlank())
        {
            var marker = lines.Current.Trim();
            var line = lines.LineNumber;
            lines.Index++;
            if (PagePatterns.IsMarker(marker, "More Info") && article is null)
            {
                article = ArticleParser.Read(lines);
            }
            else if (PagePatterns.IsMarker(marker, "Similar Q&A") && similar.Count == 0)
            {
                similar = TeaserParser.Read(lines);
            }
            else if (PagePatterns.IsMarker(marker, "Related FAQ") && faqs.Count == 0)
            {
                faqs = ReadFaqs(lines, specialty);
            }
            else
            {
                throw new PageFormatException(line,
                    $"unexpected text '{Shorten(marker)}': after the replies come 'More Info', 'Similar Q&A' or 'Related FAQ'");
            }
        }
        return new ParsedPage(headline, specialty, title, body, asker, askedOn, replies, article, similar, faqs);
    }

    /// <summary>A doctor line's name and specialty, each within what the model stores.</summary>
    internal static void FitsDoctor(System.Text.RegularExpressions.Match doctor, int line)
    {
        Fits(doctor.Groups["name"].Value.Trim(), PageLimits.Name, line, "doctor's name");
        Fits(doctor.Groups["specialty"].Value.Trim(), PageLimits.Name, line, "specialty");
    }

    /// <summary>Refuses a field longer than the model stores (SQLite would keep it whole; SQL Server would refuse the batch).</summary>
    internal static void Fits(string value, int maxLength, int line, string what)
    {
        if (value.Length > maxLength)
        {
            throw new PageFormatException(line, $"the {what} is {value.Length:N0} characters long; at most {maxLength:N0} are stored");
        }
    }

    private static (string Headline, string? Specialty) ReadHeadline(PageLines lines)
    {
        if (PagePatterns.IsMarker(lines.Current, "Share to:"))
        {
            return ("", null); // no headline: the title stands in for it below
        }
        var line = lines.Current.Trim();
        lines.Index++;
        var dash = line.LastIndexOf(" - ", StringComparison.Ordinal);
        return dash > 0 ? (line[..dash].Trim(), line[(dash + 3)..].Trim()) : (line, null);
    }

    private static string ReadTitle(PageLines lines)
    {
        lines.SkipBlank();
        if (!lines.AtEnd && PagePatterns.IsMarker(lines.Current, "Share to:"))
        {
            lines.Index++;
            lines.SkipBlank();
        }
        if (lines.AtEnd || PagePatterns.IsAskerLine(lines.Current))
        {
            throw new PageFormatException(lines.LineNumber, "the page has no question title (the line after the headline and 'Share to:')");
        }
        return lines[lines.Index++].Trim();
    }

    private static (ParsedAsker, DateOnly) ReadAsker(PageLines lines)
    {
        var line = lines.Current.Trim();
        var match = PagePatterns.Asker().Match(line);
        if (!match.Success)
        {
            throw new PageFormatException(lines.LineNumber, $"the asker line '{Shorten(line)}' is not {PagePatterns.AskerShape}");
        }
        var date = match.Groups["date"].Value;
        var askedOn = PagePatterns.Date(date)
            ?? throw new PageFormatException(lines.LineNumber, $"impossible ask date '{date}' (expected a real date, YYYY/MM/DD)");
        int? min = match.Groups["min"].Success ? int.Parse(match.Groups["min"].Value) : null;
        int? max = match.Groups["max"].Success ? int.Parse(match.Groups["max"].Value) : null;
        if (min > max)
        {
            throw new PageFormatException(lines.LineNumber, $"impossible age range {min}~{max}");
        }
        var gender = match.Groups["gender"].Value.ToLowerInvariant() switch
        {
            "female" => Gender.Female,
            "male" => Gender.Male,
            _ => Gender.Unspecified,
        };
        Fits(match.Groups["alias"].Value.Trim(), PageLimits.Name, lines.LineNumber, "asker alias");
        lines.Index++;
        return (new ParsedAsker(match.Groups["alias"].Value.Trim(), gender, min, max), askedOn);
    }

    private static List<ParsedReply> ReadReplies(PageLines lines)
    {
        var replies = new List<ParsedReply>();
        while (lines.SkipBlank() && !PagePatterns.IsPartStart(lines.Current))
        {
            var doctorLine = lines.LineNumber;
            var doctor = PagePatterns.Doctor().Match(lines.Current.Trim());
            if (!doctor.Success)
            {
                throw new PageFormatException(doctorLine,
                    $"expected a doctor's reply line {PagePatterns.DoctorShape}, found '{Shorten(lines.Current.Trim())}'");
            }
            FitsDoctor(doctor, doctorLine);
            lines.Index++;
            var body = lines.TakeUntil(l => PagePatterns.ReplyDate().IsMatch(l.Trim()) || PagePatterns.IsPartStart(l));
            if (lines.AtEnd || PagePatterns.IsPartStart(lines.Current))
            {
                throw new PageFormatException(doctorLine, "the reply has no 'Reply Date: YYYY/MM/DD' line");
            }
            var date = PagePatterns.ReplyDate().Match(lines.Current.Trim()).Groups["date"].Value;
            var repliedOn = PagePatterns.Date(date)
                ?? throw new PageFormatException(lines.LineNumber, $"impossible reply date '{date}' (expected a real date, YYYY/MM/DD)");
            lines.Index++;
            replies.Add(new ParsedReply(doctor.Groups["name"].Value.Trim(), doctor.Groups["specialty"].Value.Trim(),
                PageLines.Join(body), repliedOn));
        }
        if (replies.Count == 0)
        {
            throw new PageFormatException(lines.LineNumber, $"the page has no doctor reply {PagePatterns.DoctorShape}");
        }
        return replies;
    }

    private static List<ParsedFaq> ReadFaqs(PageLines lines, string pageSpecialty)
    {
        var faqs = new List<ParsedFaq>();
        while (lines.SkipBlank() && !PagePatterns.IsPartStart(lines.Current))
        {
            Fits(lines.Current.Trim(), PageLimits.Topic, lines.LineNumber, "FAQ topic");
            var topic = lines[lines.Index++].Trim();
            var specialty = pageSpecialty;
            if (lines.SkipBlank() && PagePatterns.FaqSpecialty().Match(lines.Current.Trim()) is { Success: true } match)
            {
                specialty = match.Groups["specialty"].Value.Trim();
                Fits(specialty, PageLimits.Name, lines.LineNumber, "FAQ specialty");
                lines.Index++;
            }
            faqs.Add(new ParsedFaq(topic, specialty));
        }
        return faqs;
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
