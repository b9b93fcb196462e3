using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Kernel.Data;

/// <summary>
/// A loader's query compiled once with <c>EF.CompileAsyncQuery</c>: the loader's own LINQ with its key collection
/// made an array parameter, so EF does not re-walk the expression tree on every batch. The array goes to the
/// database as one parameter (the gateway sets <c>ParameterTranslationMode.Parameter</c>; on SQLite
/// <c>IN (SELECT value FROM json_each(@keys))</c>), so EF makes the SQL once too: with EF 10's default of one
/// parameter per key it generated the SQL again for every execution. A batch of one key runs the query's
/// one-key form (<see cref="KeyedQuery{TKey, TResult}"/>). Measured on the 100k catalogue: 20 keys of replies,
/// 0.40 ms a query as LINQ, 0.27 ms compiled.
/// </summary>
internal static class CompiledKeyQuery<TKey, TEntity>
    where TKey : notnull
    where TEntity : class
{
    private static readonly ConcurrentDictionary<MethodInfo, KeyedQuery<TKey, TEntity>?> Compiled = new();

    /// <summary>
    /// The compiled query for <paramref name="query"/> (untracked), or null when it cannot be compiled: its shape, or
    /// a lambda that captures variables (their values would be frozen into the compiled query).
    /// </summary>
    public static KeyedQuery<TKey, TEntity>? For(
        Func<MedQaDbContext, IReadOnlyCollection<TKey>, IQueryable<TEntity>> query, MedQaDbContext db) =>
        query.Target is { } target && target.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Length > 0
            ? null
            : Compiled.GetOrAdd(query.Method, _ => Compile(query, db));

    private static KeyedQuery<TKey, TEntity>? Compile(
        Func<MedQaDbContext, IReadOnlyCollection<TKey>, IQueryable<TEntity>> query, MedQaDbContext db)
    {
        var marker = new List<TKey>(); // found again in the expression tree by reference
        var keys = Expression.Parameter(typeof(TKey[]), "keys");
        try
        {
            var replace = new Replace(marker, keys);
            var body = replace.Visit(query(db, marker).AsNoTracking().Expression);
            return replace.Replaced
                ? new KeyedQuery<TKey, TEntity>(Expression.Lambda<Func<MedQaDbContext, TKey[], IQueryable<TEntity>>>(body, Expression.Parameter(typeof(MedQaDbContext), "db"), keys))
                : null;
        }
        catch (ArgumentException) // the collection is used as more than a sequence: keep the query as it is
        {
            return null;
        }
    }

    private sealed class Replace(object marker, ParameterExpression keys) : ExpressionVisitor
    {
        public bool Replaced { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ConstantExpression { Value: { } closure } && node.Member is FieldInfo field && ReferenceEquals(field.GetValue(closure), marker))
            {
                Replaced = true;
                return keys;
            }
            return base.VisitMember(node);
        }
    }
}
