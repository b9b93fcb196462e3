using GraphQL.Types;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Questions;

/// <summary>Adds <c>Specialty.questions</c>.</summary>
public sealed class SpecialtyQuestionsExtension(IDbContextFactory<MedQaDbContext> contexts) : ObjectTypeExtension<SpecialtyType>
{
    protected override void Extend(SpecialtyType type) =>
        type.Field<NonNullGraphType<QuestionConnectionType>>("questions")
            .Description("The specialty's questions, newest first, a page at a time.")
            .Argument<IntGraphType>("first", $"How many questions (default {Paging.DefaultPageSize}, at most {Paging.MaxPageSize}).")
            .Argument<StringGraphType>("after", "The `endCursor` of the previous page.")
            .ResolveAsync(async context =>
            {
                var specialtyId = ((Specialty)context.Source!).Id;
                return await QuestionPaging.PageAsync(contexts, context, (questions, _) => questions.Where(q => q.SpecialtyId == specialtyId));
            });
}
