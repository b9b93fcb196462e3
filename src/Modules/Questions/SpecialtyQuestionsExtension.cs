using GraphQL.Types;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Questions;

/// <summary>Adds <c>Specialty.questions</c>.</summary>
public sealed class SpecialtyQuestionsExtension : ObjectTypeExtension<SpecialtyType>
{
    protected override void Extend(SpecialtyType type) =>
        type.Field<NonNullGraphType<QuestionConnectionType>>("questions")
            .Description("The specialty's questions, a page at a time, newest first unless `order` says otherwise.")
            .QuestionListArgs()
            .ResolveAsync(async context =>
            {
                var specialtyId = ((Specialty)context.Source!).Id;
                return await QuestionPaging.PageAsync(context, (questions, _) => questions.Where(q => q.SpecialtyId == specialtyId));
            });
}
