using MedQA.Plugins;

namespace MedQA.Specialties;

/// <summary>A medical specialty ("Neurology"): questions, doctors and FAQ topics belong to one.</summary>
public sealed class Specialty : IContent
{
    ContentType IContent.ContentType => ContentType.Specialty;

    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }
}
