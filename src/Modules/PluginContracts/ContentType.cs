namespace MedQA.Plugins;

/// <summary>The content types a plugin can extend.</summary>
public enum ContentType
{
    /// <summary>A patient's question: one page of the site (GraphQL type <c>Question</c>).</summary>
    Question,

    /// <summary>A doctor's reply to a question (GraphQL type <c>Reply</c>).</summary>
    Reply,

    /// <summary>A medical specialty (GraphQL type <c>Specialty</c>).</summary>
    Specialty,

    /// <summary>A FAQ topic (GraphQL type <c>Faq</c>).</summary>
    Faq,
}

/// <summary>
/// What a plugin field's resolver receives as <c>context.Source</c> on a content type: the content's key and type.
/// </summary>
public interface IContent
{
    /// <summary>The content's key, unique within its <see cref="ContentType"/>.</summary>
    int Id { get; }

    /// <summary>Which content type this is.</summary>
    ContentType ContentType { get; }
}
