namespace MedQA.Questions;

/// <summary>The "More Info" article of a question page: intro paragraphs, titled sections, a conclusion.</summary>
public sealed class Article
{
    public int QuestionId { get; set; }

    public required string Intro { get; set; }

    public string? Conclusion { get; set; }
}

/// <summary>A titled section of an article ("Causes of ...", "Treatment Options"), in page order.</summary>
public sealed class ArticleSection
{
    public int Id { get; set; }

    public int QuestionId { get; set; }

    public int Position { get; set; }

    public required string Heading { get; set; }

    public required string Body { get; set; }
}
