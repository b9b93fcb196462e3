using GraphQL;
using GraphQL.Types;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using MedQA.Questions;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Faqs;

/// <summary>Adds <c>faqs(specialty:)</c> to the root query.</summary>
public sealed class FaqQueries(IDbContextFactory<MedQaDbContext> contexts) : ObjectTypeExtension<QueryType>
{
    protected override void Extend(QueryType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FaqType>>>>("faqs")
            .Description("FAQ topics by title, of every specialty or of one.")
            .Argument<StringGraphType>("specialty", "Only the topics of this specialty (its slug, such as `neurology`).")
            .ResolveAsync(async context =>
            {
                var specialty = context.GetArgument<string?>("specialty");
                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                var faqs = db.Set<Faq>().AsNoTracking();
                if (specialty is not null)
                {
                    faqs = faqs.Where(f => db.Set<Specialty>().Any(s => s.Id == f.SpecialtyId && s.Slug == specialty));
                }
                return await faqs.OrderBy(f => f.Topic).ThenBy(f => f.Id).ToListAsync(context.CancellationToken);
            });
}

/// <summary>Adds <c>Question.relatedFaqs</c>.</summary>
public sealed class QuestionFaqsExtension : ObjectTypeExtension<QuestionType>
{
    protected override void Extend(QuestionType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FaqType>>>>("relatedFaqs")
            .Description("The page's \"Related FAQ\" topics, in page order.")
            .Resolve(context => context.Service<FaqLoaders>().ByQuestion
                .Load(((Question)context.Source!).Id)
                .Then(links => links.Select(l => l.Faq).ToList()));
}

/// <summary>Adds <c>Specialty.faqs</c>.</summary>
public sealed class SpecialtyFaqsExtension : ObjectTypeExtension<SpecialtyType>
{
    protected override void Extend(SpecialtyType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FaqType>>>>("faqs")
            .Description("The specialty's FAQ topics, by title.")
            .Resolve(context => context.Service<FaqLoaders>().BySpecialty
                .Load(((Specialty)context.Source!).Id));
}
