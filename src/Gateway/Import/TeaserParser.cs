namespace MedQA.Gateway.Import;

/// <summary>
/// Reads the "Similar Q&amp;A" part: each teaser is a headline, a question excerpt, a doctor line
/// ("Dr. X reply Specialty"), a reply excerpt and a closing "[Read More] headline" line.
/// </summary>
internal static class TeaserParser
{
    private const string ReadMore = "[Read More]";

    public static List<ParsedTeaser> Read(PageLines lines)
    {
        var teasers = new List<ParsedTeaser>();
        while (lines.SkipBlank() && !PagePatterns.IsPartStart(lines.Current))
        {
            var start = lines.LineNumber;
            var block = new List<(int Line, string Text)>();
            while (lines.SkipBlank() && !PagePatterns.IsPartStart(lines.Current))
            {
                var text = lines.Current.Trim();
                block.Add((lines.LineNumber, text));
                lines.Index++;
                if (text.StartsWith(ReadMore, StringComparison.Ordinal))
                {
                    break;
                }
            }
            teasers.Add(Teaser(start, block));
        }
        return teasers;
    }

    private static ParsedTeaser Teaser(int start, List<(int Line, string Text)> block)
    {
        if (!block[^1].Text.StartsWith(ReadMore, StringComparison.Ordinal))
        {
            throw new PageFormatException(start, $"the similar Q&A teaser '{PageParser.Shorten(block[0].Text)}' has no '{ReadMore} <headline>' line");
        }
        var doctorAt = block.FindIndex(1, b => PagePatterns.Doctor().IsMatch(b.Text));
        if (doctorAt < 0 || doctorAt == block.Count - 1)
        {
            throw new PageFormatException(start,
                $"the similar Q&A teaser '{PageParser.Shorten(block[0].Text)}' has no doctor line {PagePatterns.DoctorShape}");
        }
        var doctor = PagePatterns.Doctor().Match(block[doctorAt].Text);
        PageParser.FitsDoctor(doctor, block[doctorAt].Line);
        var headline = block[0].Text;
        var link = block[^1].Text[ReadMore.Length..].Trim();
        PageParser.Fits(headline, Questions.Question.MaxTitleLength, block[0].Line, "teaser headline");
        PageParser.Fits(link, Questions.Question.MaxTitleLength, block[^1].Line, "read-more headline");
        return new ParsedTeaser(
            headline,
            string.Join('\n', block.Skip(1).Take(doctorAt - 1).Select(b => b.Text)),
            doctor.Groups["name"].Value.Trim(),
            doctor.Groups["specialty"].Value.Trim(),
            string.Join('\n', block.Skip(doctorAt + 1).Take(block.Count - doctorAt - 2).Select(b => b.Text)),
            link.Length > 0 ? link : headline);
    }
}
