using GraphQL;
using GraphQL.Types;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Questions;

/// <summary>Adds <c>question(slug:)</c> and <c>questions</c> to the root query.</summary>
public sealed class QuestionQueries : ObjectTypeExtension<QueryType>
{
    protected override void Extend(QueryType type)
    {
        type.Field<QuestionType>("question")
            .Description("One question page by its slug; null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The question's slug, such as `facial-nerve-twitching`.")
            .Resolve(context => context.Service<QuestionLoaders>().BySlugFor(context).Load(context.GetArgument<string>("slug")));
        type.Field<NonNullGraphType<QuestionConnectionType>>("questions")
            .Description("Questions, a page at a time, newest first unless `order` says otherwise.")
            .QuestionListArgs()
            .Argument<StringGraphType>("specialty", "Only questions of this specialty (its slug); the same as `where: { specialty: ... }`.")
            .ResolveAsync(async context =>
            {
                var specialty = context.GetArgument<string?>("specialty");
                return await QuestionPaging.PageAsync(context, specialty is null
                    ? null
                    : (questions, db) => questions.Where(q => db.Set<Specialty>().Any(s => s.Id == q.SpecialtyId && s.Slug == specialty)));
            });
    }
}
