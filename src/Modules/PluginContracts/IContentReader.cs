namespace MedQA.Plugins;

/// <summary>
/// Read-only access to the core content a plugin extends, read from the catalogue: the same whatever the current
/// query selects (the object behind <see cref="IContent"/> is filled for the query, and may miss what it did not ask
/// for). Take it in a constructor; each call reads all the keys it is given in one batch (four statements for
/// questions, whatever their number), so call it once per batch, from <see cref="IEnrichmentSection.LoadAsync"/>
/// with all its keys. Keys with no content are left out of the result.
/// </summary>
public interface IContentReader
{
    /// <summary>Questions with their asker, specialty, replies (with their doctors) and article.</summary>
    /// <param name="ids">The questions' keys (<see cref="IContent.Id"/>).</param>
    /// <param name="cancellationToken">Cancelled when the caller stops waiting.</param>
    Task<IReadOnlyDictionary<int, QuestionContent>> QuestionsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>Replies with their doctors.</summary>
    /// <param name="ids">The replies' keys.</param>
    /// <param name="cancellationToken">Cancelled when the caller stops waiting.</param>
    Task<IReadOnlyDictionary<int, ReplyContent>> RepliesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>Specialties.</summary>
    /// <param name="ids">The specialties' keys.</param>
    /// <param name="cancellationToken">Cancelled when the caller stops waiting.</param>
    Task<IReadOnlyDictionary<int, SpecialtyContent>> SpecialtiesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>FAQ topics.</summary>
    /// <param name="ids">The FAQs' keys.</param>
    /// <param name="cancellationToken">Cancelled when the caller stops waiting.</param>
    Task<IReadOnlyDictionary<int, FaqContent>> FaqsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);
}

/// <summary>A question as the page shows it.</summary>
/// <param name="Id">Its key.</param>
/// <param name="Slug">Its address on the site.</param>
/// <param name="Title">The patient's question title.</param>
/// <param name="Headline">The page's headline ("" when the page has none).</param>
/// <param name="Body">The patient's question.</param>
/// <param name="AskedOn">When it was asked.</param>
/// <param name="Specialty">The specialty's name.</param>
/// <param name="Asker">Who asked.</param>
/// <param name="Replies">The doctors' replies, in page order.</param>
/// <param name="Article">The "More Info" article; null when the page has none.</param>
public sealed record QuestionContent(
    int Id, string Slug, string Title, string Headline, string Body, DateOnly AskedOn, string Specialty,
    AskerContent Asker, IReadOnlyList<ReplyContent> Replies, ArticleContent? Article);

/// <summary>The patient who asked.</summary>
/// <param name="Alias">The alias shown ("" when none).</param>
/// <param name="Gender"><c>Female</c>, <c>Male</c> or <c>Unspecified</c>.</param>
/// <param name="AgeMin">The age range's lower bound, if given.</param>
/// <param name="AgeMax">The age range's upper bound, if given.</param>
public sealed record AskerContent(string Alias, string Gender, int? AgeMin, int? AgeMax);

/// <summary>A doctor's reply.</summary>
/// <param name="Id">Its key.</param>
/// <param name="QuestionId">The question it answers.</param>
/// <param name="Body">The reply's text.</param>
/// <param name="RepliedOn">When the doctor replied.</param>
/// <param name="Doctor">The doctor's name.</param>
/// <param name="DoctorSpecialty">The doctor's specialty's name.</param>
public sealed record ReplyContent(int Id, int QuestionId, string Body, DateOnly RepliedOn, string Doctor, string DoctorSpecialty);

/// <summary>The "More Info" article of a question.</summary>
/// <param name="Intro">Its introduction.</param>
/// <param name="Sections">Its sections, in page order.</param>
/// <param name="Conclusion">Its conclusion, if any.</param>
public sealed record ArticleContent(string Intro, IReadOnlyList<ArticleSectionContent> Sections, string? Conclusion);

/// <summary>A section of an article.</summary>
/// <param name="Heading">Its heading.</param>
/// <param name="Body">Its text.</param>
public sealed record ArticleSectionContent(string Heading, string Body);

/// <summary>A specialty.</summary>
/// <param name="Id">Its key.</param>
/// <param name="Slug">Its address on the site.</param>
/// <param name="Name">Its name.</param>
public sealed record SpecialtyContent(int Id, string Slug, string Name);

/// <summary>A FAQ topic.</summary>
/// <param name="Id">Its key.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Specialty">Its specialty's name; null when it has none.</param>
public sealed record FaqContent(int Id, string Topic, string? Specialty);
