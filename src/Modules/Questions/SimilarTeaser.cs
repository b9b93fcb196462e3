namespace MedQA.Questions;

/// <summary>A "Similar Q&amp;A" teaser on a question page: excerpts of another question and its reply.</summary>
public sealed class SimilarTeaser
{
    public int Id { get; set; }

    public int QuestionId { get; set; }

    public int Position { get; set; }

    public required string Headline { get; set; }

    public required string QuestionExcerpt { get; set; }

    public required string DoctorName { get; set; }

    public required string DoctorSpecialty { get; set; }

    public required string ReplyExcerpt { get; set; }

    /// <summary>The headline its "[Read More]" link names: the question it links to.</summary>
    public required string LinkHeadline { get; set; }
}
