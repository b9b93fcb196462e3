using GraphQL.Types;
using MedQA.Kernel.Data;

namespace MedQA.Questions;

/// <summary>
/// A part of the <c>QuestionFilter</c> input (<c>questions(where:)</c>), contributed by the module that owns the
/// data it filters on: Questions filters on the question's own columns, Replies on replies and doctors.
/// </summary>
public interface IQuestionFilter
{
    /// <summary>Adds this filter's input fields.</summary>
    void AddFields(QuestionFilterType type);

    /// <summary>Narrows the questions by the values of the fields it added (absent or null: no narrowing).</summary>
    IQueryable<Question> Apply(IQueryable<Question> questions, MedQaDbContext db, IReadOnlyDictionary<string, object?> where);
}

public sealed class QuestionFilterType : InputObjectGraphType
{
    public QuestionFilterType(IEnumerable<IQuestionFilter> filters)
    {
        Name = "QuestionFilter";
        Description = "Conditions on questions; every condition given must hold.";
        foreach (var filter in filters)
        {
            filter.AddFields(this);
        }
    }
}
