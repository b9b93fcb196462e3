using MedQA.Questions;

namespace MedQA.Gateway.Import;

/// <summary>One question page as the parser read it, before anything is written.</summary>
public sealed record ParsedPage(
    string Headline,
    string Specialty,
    string Title,
    string Body,
    ParsedAsker Asker,
    DateOnly AskedOn,
    IReadOnlyList<ParsedReply> Replies,
    ParsedArticle? Article,
    IReadOnlyList<ParsedTeaser> Similar,
    IReadOnlyList<ParsedFaq> Faqs);

public sealed record ParsedAsker(string Alias, Gender Gender, int? AgeMin, int? AgeMax);

public sealed record ParsedReply(string DoctorName, string Specialty, string Body, DateOnly RepliedOn);

public sealed record ParsedArticle(string Intro, IReadOnlyList<ParsedSection> Sections, string? Conclusion);

public sealed record ParsedSection(string Heading, string Body, IReadOnlyList<ParsedItem> Items);

/// <summary>A numbered item of a section: "1. Nerve Irritation or Damage: One of the most ...".</summary>
public sealed record ParsedItem(int Number, string Title, string Text);

public sealed record ParsedTeaser(
    string Headline, string QuestionExcerpt, string DoctorName, string DoctorSpecialty, string ReplyExcerpt, string LinkHeadline);

public sealed record ParsedFaq(string Topic, string Specialty);

/// <summary>A page that cannot be imported: the 1-based line and what is wrong there.</summary>
public sealed class PageFormatException(int line, string problem) : Exception($"{line}: {problem}")
{
    public int Line { get; } = line;

    public string Problem { get; } = problem;
}
