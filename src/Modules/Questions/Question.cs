using MedQA.Plugins;

namespace MedQA.Questions;

/// <summary>A patient's question: one page of the site. The asker's details are stored with it.</summary>
public sealed class Question : IContent
{
    /// <summary>The longest title and headline the model stores (every provider enforces it through the importer).</summary>
    public const int MaxTitleLength = 500;

    ContentType IContent.ContentType => ContentType.Question;

    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>The page headline without its " - Specialty" suffix.</summary>
    public required string Headline { get; set; }

    public required string Body { get; set; }

    public DateOnly AskedOn { get; set; }

    public int SpecialtyId { get; set; }

    public required string AskerAlias { get; set; }

    public Gender AskerGender { get; set; }

    public int? AskerAgeMin { get; set; }

    public int? AskerAgeMax { get; set; }
}

public enum Gender
{
    Unspecified = 0,
    Female = 1,
    Male = 2,
}
