using MedQA.Plugins;

namespace MedQA.Replies;

/// <summary>A doctor's reply to a question, in page order.</summary>
public sealed class Reply : IContent
{
    ContentType IContent.ContentType => ContentType.Reply;

    public int Id { get; set; }

    public int QuestionId { get; set; }

    public int Position { get; set; }

    public int DoctorId { get; set; }

    public required string Body { get; set; }

    public DateOnly RepliedOn { get; set; }

    /// <summary>
    /// The reply's doctor when the query that read the reply joined it (not mapped: EF maps public properties only),
    /// so <c>Reply.doctor</c> needs no look-up; null when read alone (<c>node(id:)</c>, the reference execution).
    /// </summary>
    internal Doctor? Doctor { get; set; }
}
