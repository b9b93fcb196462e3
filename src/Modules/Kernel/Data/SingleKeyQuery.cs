using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Kernel.Data;

/// <summary>
/// A loader's query for the common case of one key (a question page asks for one question's replies, article,
/// teasers...), compiled once with <c>EF.CompileAsyncQuery</c>: the loader's own LINQ with its key collection
/// replaced by <c>new[] { key }</c>, so EF neither re-walks the expression tree nor rebuilds the SQL per request.
/// A collection parameter would not do: compiled, EF sends it as one JSON value, which SQLite plans as a scan.
/// </summary>
internal static class SingleKeyQuery<TKey, TEntity>
    where TKey : notnull
    where TEntity : class
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<MedQaDbContext, TKey, IAsyncEnumerable<TEntity>>?> Compiled = new();

    /// <summary>
    /// The compiled query for <paramref name="query"/> (untracked), or null when it cannot be compiled: its shape, or
    /// a lambda that captures variables (their values would be frozen into the compiled query).
    /// </summary>
    public static Func<MedQaDbContext, TKey, IAsyncEnumerable<TEntity>>? For(
        Func<MedQaDbContext, IReadOnlyCollection<TKey>, IQueryable<TEntity>> query, MedQaDbContext db) =>
        query.Target is { } target && target.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Length > 0
            ? null
            : Compiled.GetOrAdd(query.Method, _ => Compile(query, db));

    private static Func<MedQaDbContext, TKey, IAsyncEnumerable<TEntity>>? Compile(
        Func<MedQaDbContext, IReadOnlyCollection<TKey>, IQueryable<TEntity>> query, MedQaDbContext db)
    {
        var marker = new List<TKey>(); // found again in the expression tree by reference
        var key = Expression.Parameter(typeof(TKey), "key");
        var body = new Replace(marker, Expression.NewArrayInit(typeof(TKey), key)).Visit(query(db, marker).AsNoTracking().Expression);
        if (!Replace.Found(body, key))
        {
            return null;
        }
        var lambda = Expression.Lambda<Func<MedQaDbContext, TKey, IQueryable<TEntity>>>(body, Expression.Parameter(typeof(MedQaDbContext), "db"), key);
        return EF.CompileAsyncQuery(lambda);
    }

    private sealed class Replace(object marker, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression is ConstantExpression { Value: { } closure } && node.Member is FieldInfo field && ReferenceEquals(field.GetValue(closure), marker)
                ? with
                : base.VisitMember(node);

        protected override Expression VisitConstant(ConstantExpression node) => ReferenceEquals(node.Value, marker) ? with : node;

        public static bool Found(Expression body, ParameterExpression key)
        {
            var finder = new Finder(key);
            finder.Visit(body);
            return finder.Seen;
        }

        private sealed class Finder(ParameterExpression key) : ExpressionVisitor
        {
            public bool Seen { get; private set; }

            protected override Expression VisitParameter(ParameterExpression node)
            {
                Seen |= node == key;
                return node;
            }
        }
    }
}
