using GraphQL.Types;
using MedQA.Kernel.GraphQL;
using MedQA.Questions;
using MedQA.Specialties;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Replies;

/// <summary>Adds <c>Question.replies</c>.</summary>
public sealed class QuestionRepliesExtension : ObjectTypeExtension<QuestionType>
{
    protected override void Extend(QuestionType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReplyType>>>>("replies")
            .Description("The doctors' replies, in page order.")
            .Resolve(context => context.Service<ReplyLoaders>().ByQuestionFor(context).Load(((Question)context.Source!).Id));
}

/// <summary>Adds <c>Specialty.doctors</c>.</summary>
public sealed class SpecialtyDoctorsExtension : ObjectTypeExtension<SpecialtyType>
{
    protected override void Extend(SpecialtyType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DoctorType>>>>("doctors")
            .Description("The doctors who reply in this specialty, by name.")
            .Resolve(context => context.Service<ReplyLoaders>().DoctorsBySpecialty
                .Load(((Specialty)context.Source!).Id));
}
