namespace MedQA.Replies;

/// <summary>A doctor who replies to questions; known by name, with the specialty they reply in.</summary>
public sealed class Doctor
{
    public int Id { get; set; }

    /// <summary>The name without the "Dr." title: "Lan Shengxing".</summary>
    public required string Name { get; set; }

    public int SpecialtyId { get; set; }
}
