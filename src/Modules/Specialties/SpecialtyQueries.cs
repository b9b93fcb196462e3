using GraphQL;
using GraphQL.Types;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Specialties;

/// <summary>Adds <c>specialties</c> and <c>specialty(slug:)</c> to the root query.</summary>
public sealed class SpecialtyQueries(IDbContextFactory<MedQaDbContext> contexts) : ObjectTypeExtension<QueryType>
{
    protected override void Extend(QueryType type)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SpecialtyType>>>>("specialties")
            .Description("Every specialty, by name.")
            .ResolveAsync(async context =>
            {
                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await db.Set<Specialty>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(context.CancellationToken);
            });
        type.Field<SpecialtyType>("specialty")
            .Description("One specialty by its slug (`neurology`), with its questions, doctors and FAQ topics; null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The specialty's slug, such as `neurology`.")
            .Resolve(context => context.Service<SpecialtyLoaders>()
                .BySlug.Load(context.GetArgument<string>("slug")));
    }
}
