using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Kernel.Data;

/// <summary>
/// Builds batch loaders over one query each: every batch opens its own context from the pooled factory, because
/// GraphQL resolves sibling fields in parallel and a context must not be shared.
/// </summary>
public static class LoaderFactory
{
    /// <summary>One entity per key; when the query yields several for a key, the last one wins.</summary>
    public static BatchLoader<TKey, TEntity?> Loader<TKey, TEntity>(
        this IDbContextFactory<MedQaDbContext> contexts,
        Func<MedQaDbContext, IReadOnlyCollection<TKey>, IQueryable<TEntity>> query,
        Func<TEntity, TKey> keyOf)
        where TKey : notnull
        where TEntity : class =>
        new(async (keys, cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var byKey = new Dictionary<TKey, TEntity?>();
            await foreach (var entity in query(db, keys).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                byKey[keyOf(entity)] = entity;
            }
            return byKey;
        }, null);

    /// <summary>Every entity of a key, in the query's order; <paramref name="none"/> for keys without any.</summary>
    public static BatchLoader<TKey, IReadOnlyList<TEntity>> GroupLoader<TKey, TEntity>(
        this IDbContextFactory<MedQaDbContext> contexts,
        Func<MedQaDbContext, IReadOnlyCollection<TKey>, IQueryable<TEntity>> query,
        Func<TEntity, TKey> keyOf,
        IReadOnlyList<TEntity> none)
        where TKey : notnull
        where TEntity : class =>
        new(async (keys, cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var byKey = new Dictionary<TKey, IReadOnlyList<TEntity>>();
            await foreach (var entity in query(db, keys).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var key = keyOf(entity);
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = new List<TEntity>();
                }
                ((List<TEntity>)list).Add(entity);
            }
            return byKey;
        }, none);
}
