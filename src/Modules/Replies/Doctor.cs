namespace MedQA.Replies;

/// <summary>
/// A doctor who replies to questions, known by name and the specialty they reply in (the reply line's
/// "Dr. &lt;name&gt; reply &lt;specialty&gt;"): the same name in another specialty is another doctor, and a doctor's
/// specialty never changes with the questions they answer.
/// </summary>
public sealed class Doctor
{
    public int Id { get; set; }

    /// <summary>The name without the "Dr." title: "Lan Shengxing".</summary>
    public required string Name { get; set; }

    public int SpecialtyId { get; set; }
}
