using System.Text;
using MedQA.Gateway.Import;
using MedQA.Questions;

namespace MedQA.Gateway.Export;

/// <summary>
/// Writes a page in the site's text format, the inverse of <see cref="PageParser"/>: parsing what this writes gives
/// the page back field by field. The layout is canonical (one blank line between blocks, LF line ends, every optional
/// line written in one form: the headline always carries " - Specialty", "Share to:" is always there, each FAQ topic
/// always names its specialty), so writing a parsed page again gives the same text.
/// </summary>
public static class PageWriter
{
    public static string Write(ParsedPage page)
    {
        var text = new StringBuilder(4096);
        Block(text, $"{page.Headline} - {page.Specialty}");
        Block(text, "Share to:");
        Block(text, page.Title);
        Block(text, page.Body);
        Block(text, AskerLine(page.Asker, page.AskedOn));
        foreach (var reply in page.Replies)
        {
            Block(text, DoctorLine(reply.DoctorName, reply.Specialty));
            Block(text, reply.Body);
            Block(text, $"Reply Date: {Date(reply.RepliedOn)}");
        }
        if (page.Article is { } article)
        {
            Block(text, "More Info");
            Block(text, article.Intro);
            foreach (var section in article.Sections)
            {
                Block(text, section.Body.Length > 0 ? $"{section.Heading}\n{section.Body}" : section.Heading);
            }
            if (article.Conclusion is { } conclusion)
            {
                Block(text, conclusion.Length > 0 ? $"Conclusion\n{conclusion}" : "Conclusion");
            }
        }
        if (page.Similar.Count > 0)
        {
            Block(text, "Similar Q&A");
            foreach (var teaser in page.Similar)
            {
                Block(text, string.Join('\n', new[]
                {
                    teaser.Headline, teaser.QuestionExcerpt, DoctorLine(teaser.DoctorName, teaser.DoctorSpecialty),
                    teaser.ReplyExcerpt, $"[Read More] {teaser.LinkHeadline}",
                }.Where(line => line.Length > 0)));
            }
        }
        if (page.Faqs.Count > 0)
        {
            Block(text, "Related FAQ");
            foreach (var faq in page.Faqs)
            {
                Block(text, $"{faq.Topic}\n({faq.Specialty})");
            }
        }
        return text.ToString(0, text.Length - 1); // one line end after the last block, not a blank line
    }

    /// <summary>
    /// "Zoo, 20~29 year old female. Ask Date: 2015/08/26", leaving out the age range or the gender the page did not give.
    /// </summary>
    public static string AskerLine(ParsedAsker asker, DateOnly askedOn)
    {
        var age = asker is { AgeMin: { } min, AgeMax: { } max } ? $"{min}~{max} year old" : null;
        var gender = asker.Gender switch
        {
            Gender.Female => "female",
            Gender.Male => "male",
            _ => null,
        };
        var details = string.Join(' ', new[] { age, gender }.OfType<string>());
        return $"{asker.Alias}{(details.Length > 0 ? ", " + details : "")}. Ask Date: {Date(askedOn)}";
    }

    private static string DoctorLine(string name, string specialty) => $"Dr. {name} reply {specialty}";

    private static string Date(DateOnly date) => date.ToString("yyyy'/'MM'/'dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A block of lines followed by a blank line; an empty block (no body, no intro) is left out.</summary>
    private static void Block(StringBuilder text, string lines)
    {
        if (lines.Length > 0)
        {
            text.Append(lines).Append("\n\n");
        }
    }
}
