using System.Collections.Concurrent;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Specialties;

/// <summary>
/// Request-scoped batch loaders for specialties. A specialty never changes once created (its name is its identity
/// and its slug is derived from it), so those seen are kept for the process: only unseen ids reach the database.
/// </summary>
public sealed class SpecialtyLoaders(RequestDb requestDb, SpecialtyCache cache)
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
            var loaded = await requestDb.RunAsync((db, cancel) => db.Set<Specialty>().AsNoTracking().Where(s => missing.Contains(s.Id)).ToListAsync(cancel), cancellationToken);
            foreach (var specialty in loaded)
            {
                found[specialty.Id] = cache.Add(specialty);
            }
        }
        return found;
    }, null);

    /// <summary>
    /// A specialty field's value: the specialty itself when the process has seen it (no pending result for GraphQL
    /// to schedule, as for 60 of a list page's fields), else a pending load.
    /// </summary>
    public object? Resolve(int id) => cache.TryGet(id, out var specialty) ? specialty : ById.Load(id);

    public BatchLoader<string, Specialty?> BySlug { get; } = requestDb.Loader<string, Specialty>(
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
