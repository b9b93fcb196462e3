using MedQA.Plugins;

namespace MedQA.Faqs;

/// <summary>A "Related FAQ" topic ("Facial Twitching"), within one specialty.</summary>
public sealed class Faq : IContent
{
    ContentType IContent.ContentType => ContentType.Faq;

    public int Id { get; set; }

    public required string Topic { get; set; }

    public int SpecialtyId { get; set; }
}

/// <summary>A question page lists a FAQ topic under "Related FAQ", at a position.</summary>
public sealed class QuestionFaq
{
    public int QuestionId { get; set; }

    public int FaqId { get; set; }

    public int Position { get; set; }
}
