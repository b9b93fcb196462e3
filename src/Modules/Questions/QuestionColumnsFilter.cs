using GraphQL;
using GraphQL.Types;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using MedQA.Questions.Search;
using MedQA.Specialties;

namespace MedQA.Questions;

/// <summary>Filters on the question's own data: text, specialty, ask date, asker gender and age.</summary>
internal sealed class QuestionColumnsFilter(IQuestionSearch search) : IQuestionFilter
{
    public void AddFields(QuestionFilterType type)
    {
        type.Field<StringGraphType>("text").Description("Only questions matching this full-text search (as in `search`).");
        type.Field<StringGraphType>("specialty").Description("Only questions of this specialty (its slug, such as `neurology`).");
        type.Field<IsoDateGraphType>("askedFrom").Description("Only questions asked on this day or later.");
        type.Field<IsoDateGraphType>("askedTo").Description("Only questions asked on this day or earlier.");
        type.Field<GenderType>("askerGender").Description("Only questions from askers of this gender.");
        type.Field<IntGraphType>("askerAgeFrom").Description("Only askers whose age bracket reaches this age or older (askers without an age are left out).");
        type.Field<IntGraphType>("askerAgeTo").Description("Only askers whose age bracket reaches this age or younger (askers without an age are left out).");
    }

    public IQueryable<Question> Apply(IQueryable<Question> questions, MedQaDbContext db, IReadOnlyDictionary<string, object?> where)
    {
        if (where.GetValueOrDefault("text") is string text)
        {
            var matching = search.Matching(db, SearchQuery.Parse(text));
            questions = questions.Where(q => matching.Contains(q.Id));
        }
        if (where.GetValueOrDefault("specialty") is string specialty)
        {
            questions = questions.Where(q => db.Set<Specialty>().Any(s => s.Id == q.SpecialtyId && s.Slug == specialty));
        }
        if (where.GetValueOrDefault("askedFrom") is DateOnly from)
        {
            questions = questions.Where(q => q.AskedOn >= from);
        }
        if (where.GetValueOrDefault("askedTo") is DateOnly to)
        {
            questions = questions.Where(q => q.AskedOn <= to);
        }
        if (where.GetValueOrDefault("askerGender") is Gender gender)
        {
            questions = questions.Where(q => q.AskerGender == gender);
        }
        var ageFrom = where.GetValueOrDefault("askerAgeFrom") as int?;
        var ageTo = where.GetValueOrDefault("askerAgeTo") as int?;
        if (ageFrom > ageTo)
        {
            throw ErrorCodes.UserInput($"'askerAgeFrom' ({ageFrom}) is above 'askerAgeTo' ({ageTo}).");
        }
        if (ageFrom is int min)
        {
            questions = questions.Where(q => q.AskerAgeMax >= min);
        }
        if (ageTo is int max)
        {
            questions = questions.Where(q => q.AskerAgeMin <= max);
        }
        return questions;
    }
}
