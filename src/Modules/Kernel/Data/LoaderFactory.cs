using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Kernel.Data;

/// <summary>Builds batch loaders over one query each, run on the request's <see cref="RequestDb"/>.</summary>
public static class LoaderFactory
{
    /// <summary>One entity per key; when the query yields several for a key, the last one wins.</summary>
    public static BatchLoader<TKey, TEntity?> Loader<TKey, TEntity>(
        this RequestDb requestDb,
        Func<MedQaDbContext, IReadOnlyCollection<TKey>, IQueryable<TEntity>> query,
        Func<TEntity, TKey> keyOf)
        where TKey : notnull
        where TEntity : class =>
        new((keys, cancellationToken) => requestDb.RunAsync<IReadOnlyDictionary<TKey, TEntity?>>(async (db, cancel) =>
        {
            var byKey = new Dictionary<TKey, TEntity?>();
            await foreach (var entity in Rows(db, query, keys).WithCancellation(cancel))
            {
                byKey[keyOf(entity)] = entity;
            }
            return byKey;
        }, cancellationToken), null);

    /// <summary>Every entity of a key, in the query's order; <paramref name="none"/> for keys without any.</summary>
    public static BatchLoader<TKey, IReadOnlyList<TEntity>> GroupLoader<TKey, TEntity>(
        this RequestDb requestDb,
        Func<MedQaDbContext, IReadOnlyCollection<TKey>, IQueryable<TEntity>> query,
        Func<TEntity, TKey> keyOf,
        IReadOnlyList<TEntity> none)
        where TKey : notnull
        where TEntity : class =>
        new((keys, cancellationToken) => requestDb.RunAsync<IReadOnlyDictionary<TKey, IReadOnlyList<TEntity>>>(async (db, cancel) =>
        {
            var byKey = new Dictionary<TKey, IReadOnlyList<TEntity>>();
            await foreach (var entity in Rows(db, query, keys).WithCancellation(cancel))
            {
                var key = keyOf(entity);
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = new List<TEntity>();
                }
                ((List<TEntity>)list).Add(entity);
            }
            return byKey;
        }, cancellationToken), none);

    /// <summary>The query's rows, untracked, from its compiled form when it has one (<see cref="CompiledKeyQuery{TKey, TEntity}"/>).</summary>
    private static IAsyncEnumerable<TEntity> Rows<TKey, TEntity>(
        MedQaDbContext db, Func<MedQaDbContext, IReadOnlyCollection<TKey>, IQueryable<TEntity>> query, IReadOnlyCollection<TKey> keys)
        where TKey : notnull
        where TEntity : class =>
        CompiledKeyQuery<TKey, TEntity>.For(query, db) is { } compiled
            ? compiled.Run(db, keys)
            : query(db, keys).AsNoTracking().AsAsyncEnumerable();
}
