using GraphQL.Types;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using MedQA.Questions;

namespace MedQA.Replies;

/// <summary>Adds the reply conditions to <c>QuestionFilter</c>: by doctor, and whether a question has a reply.</summary>
internal sealed class ReplyQuestionFilter : IQuestionFilter
{
    public void AddFields(QuestionFilterType type)
    {
        type.Field<IdGraphType>("doctor").Description("Only questions this doctor replied to (the doctor's global `id`).");
        type.Field<BooleanGraphType>("hasReply").Description("Only questions with (true) or without (false) a reply.");
    }

    public IQueryable<Question> Apply(IQueryable<Question> questions, MedQaDbContext db, IReadOnlyDictionary<string, object?> where)
    {
        if (where.GetValueOrDefault("doctor") is { } doctor)
        {
            if (!GlobalId.TryDecode(doctor.ToString()!, out var type, out var doctorId) || type != "Doctor")
            {
                throw ErrorCodes.UserInput($"'doctor' must be a Doctor's global id; '{doctor}' is not.", ErrorCodes.InvalidId);
            }
            questions = questions.Where(q => db.Set<Reply>().Any(r => r.QuestionId == q.Id && r.DoctorId == doctorId));
        }
        if (where.GetValueOrDefault("hasReply") is bool hasReply)
        {
            questions = hasReply
                ? questions.Where(q => db.Set<Reply>().Any(r => r.QuestionId == q.Id))
                : questions.Where(q => !db.Set<Reply>().Any(r => r.QuestionId == q.Id));
        }
        return questions;
    }
}
