using System.Collections.Concurrent;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Specialties;

/// <summary>
/// Request-scoped batch loaders for specialties. A specialty never changes once created (its name is its identity
/// and its slug is derived from it), so those seen are kept for the process: only unseen ids reach the database.
/// </summary>
public sealed class SpecialtyLoaders(IDbContextFactory<MedQaDbContext> contexts, SpecialtyCache cache)
{
    public BatchLoader<int, Specialty?> ById { get; } = new(async (ids, cancellationToken) =>
    {
        var found = new Dictionary<int, Specialty?>();
        var missing = new List<int>();
        foreach (var id in ids)
        {
            if (cache.TryGet(id, out var specialty))
            {
                found[id] = specialty;
            }
            else
            {
                missing.Add(id);
            }
        }
        if (missing.Count > 0)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            foreach (var specialty in await db.Set<Specialty>().AsNoTracking().Where(s => missing.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                found[specialty.Id] = cache.Add(specialty);
            }
        }
        return found;
    }, null);

    public BatchLoader<string, Specialty?> BySlug { get; } = contexts.Loader<string, Specialty>(
        (db, slugs) => db.Set<Specialty>().Where(s => slugs.Contains(s.Slug)), s => s.Slug);
}

/// <summary>The specialties seen by this process, by id (safe to keep: a specialty row never changes).</summary>
public sealed class SpecialtyCache
{
    private readonly ConcurrentDictionary<int, Specialty> _byId = new();

    public bool TryGet(int id, out Specialty? specialty)
    {
        var found = _byId.TryGetValue(id, out var value);
        specialty = value;
        return found;
    }

    public Specialty Add(Specialty specialty) => _byId.GetOrAdd(specialty.Id, specialty);
}
