using System.Linq.Expressions;

namespace MedQA.Questions;

/// <summary>
/// What list and lookup queries read of a question: every column but the body, the one large text. The body is
/// read by its own batch loader only when a client selects <c>body</c>.
/// </summary>
public static class QuestionProjection
{
    public static readonly Expression<Func<Question, Question>> WithoutBody = q => new Question
    {
        Id = q.Id,
        Slug = q.Slug,
        Title = q.Title,
        Headline = q.Headline,
        Body = "",
        AskedOn = q.AskedOn,
        SpecialtyId = q.SpecialtyId,
        AskerAlias = q.AskerAlias,
        AskerGender = q.AskerGender,
        AskerAgeMin = q.AskerAgeMin,
        AskerAgeMax = q.AskerAgeMax,
    };

    public static IQueryable<Question> SelectWithoutBody(this IQueryable<Question> questions) => questions.Select(WithoutBody);
}
