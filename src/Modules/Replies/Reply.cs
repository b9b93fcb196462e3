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
}
