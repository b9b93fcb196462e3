using System.Linq.Expressions;
using GraphQL;
using MedQA.Kernel.GraphQL;

namespace MedQA.Questions;

/// <summary>
/// What list and lookup queries read of a question: every column but the body, the one large text. The body is
/// read only when a client selects <c>body</c>: by the single-question look-up itself, or by a batch loader. A
/// list whose nodes show only what a question's card shows reads only the card's columns (<see cref="Card"/>).
/// </summary>
public static class QuestionProjection
{
    /// <summary>
    /// The fields of <c>Question</c> that read no column but the card's (or load what they need by id). Any other
    /// field, a plugin's or another module's included, makes a list read every column but the body.
    /// </summary>
    private static readonly HashSet<string> CardFields =
        ["__typename", "id", "slug", "title", "askedOn", "specialty", "body", "replies", "article", "similar", "relatedFaqs"];

    /// <summary>
    /// A question as a list card reads it: id, slug, title, date and specialty. The headline and asker are left
    /// empty, so such a question is only for nodes whose selection <see cref="For"/> allows it for.
    /// </summary>
    public static readonly Expression<Func<Question, Question>> Card = q => NewCard(q.Id, q.Slug, q.Title, q.AskedOn, q.SpecialtyId);

    /// <summary>
    /// Made as each row is read (a method EF cannot translate, at the top of the projection): EF reads each column
    /// once and passes it. A member initializer would have needed a value for every required member, and one made of
    /// a constant ('' AS "Headline") is a column the database returns and the reader reads for every row.
    /// </summary>
    private static Question NewCard(int id, string slug, string title, DateOnly askedOn, int specialtyId) => new()
    {
        Id = id,
        Slug = slug,
        Title = title,
        Headline = "",
        Body = null!, // not read: Question.body loads it when selected
        AskedOn = askedOn,
        SpecialtyId = specialtyId,
        AskerAlias = "",
    };

    public static readonly Expression<Func<Question, Question>> WithoutBody = q => new Question
    {
        Id = q.Id,
        Slug = q.Slug,
        Title = q.Title,
        Headline = q.Headline,
        Body = null!, // not read: Question.body loads it, or the look-up that saw `body` selected reads it
        AskedOn = q.AskedOn,
        SpecialtyId = q.SpecialtyId,
        AskerAlias = q.AskerAlias,
        AskerGender = q.AskerGender,
        AskerAgeMin = q.AskerAgeMin,
        AskerAgeMax = q.AskerAgeMax,
    };

    /// <summary>Every column: what the reference execution reads (<see cref="SelectionReads"/> off).</summary>
    public static readonly Expression<Func<Question, Question>> Whole = q => q;

    public static IQueryable<Question> SelectWithoutBody(this IQueryable<Question> questions) => questions.Select(WithoutBody);

    /// <summary>
    /// What a question connection reads of each question: cards when its nodes ask only for fields
    /// <see cref="Card"/> rows can answer, else every column but the body; every column when reads may not follow
    /// the selection.
    /// </summary>
    public static Expression<Func<Question, Question>> For(IResolveFieldContext connection) =>
        !connection.Service<SelectionReads>().Enabled ? Whole
        : ConnectionSelection.NodeFields(connection).IsSubsetOf(CardFields) ? Card
        : WithoutBody;

    /// <summary>The questions as the connection's selection needs them (<see cref="For"/>).</summary>
    public static IQueryable<Question> SelectFor(this IQueryable<Question> questions, IResolveFieldContext connection) =>
        questions.Select(For(connection));
}
