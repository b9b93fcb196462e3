using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Specialties;

/// <summary>Request-scoped batch loaders for specialties.</summary>
public sealed class SpecialtyLoaders(IDbContextFactory<MedQaDbContext> contexts)
{
    public BatchLoader<int, Specialty?> ById { get; } = contexts.Loader<int, Specialty>(
        (db, ids) => db.Set<Specialty>().Where(s => ids.Contains(s.Id)), s => s.Id);

    public BatchLoader<string, Specialty?> BySlug { get; } = contexts.Loader<string, Specialty>(
        (db, slugs) => db.Set<Specialty>().Where(s => slugs.Contains(s.Slug)), s => s.Slug);
}
