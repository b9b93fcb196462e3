using System.Linq.Expressions;

namespace MedQA.Questions;

/// <summary>
/// What list and lookup queries read of a question: every column but the body, the one large text. The body is
/// read only when a client selects <c>body</c>: by the single-question look-up itself, or by a batch loader.
/// </summary>
public static class QuestionProjection
{
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

    public static IQueryable<Question> SelectWithoutBody(this IQueryable<Question> questions) => questions.Select(WithoutBody);
}
