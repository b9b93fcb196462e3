using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Kernel.Data;

/// <summary>
/// A batch query (<c>keys.Contains(row.Key)</c>) compiled twice with <c>EF.CompileAsyncQuery</c>: for a batch of
/// several keys (the keys as one array parameter) and for a batch of one (<c>row.Key = @key</c>). A detail page's
/// batches hold one key each, and the equality is an index seek where the array is a JSON parameter that SQLite
/// parses into a temporary table first.
/// </summary>
public sealed class KeyedQuery<TKey, TResult>
{
    private readonly Func<MedQaDbContext, TKey[], IAsyncEnumerable<TResult>> _many;
    private readonly Func<MedQaDbContext, TKey, IAsyncEnumerable<TResult>>? _one;

    public KeyedQuery(Expression<Func<MedQaDbContext, TKey[], IQueryable<TResult>>> query)
    {
        _many = EF.CompileAsyncQuery(query);
        _one = OneKey(query) is { } one ? EF.CompileAsyncQuery(one) : null;
    }

    public IAsyncEnumerable<TResult> Run(MedQaDbContext db, IReadOnlyCollection<TKey> keys) =>
        keys.Count == 1 && _one is not null ? _one(db, keys.First()) : _many(db, [.. keys]);

    /// <summary>The query with <c>keys.Contains(x)</c> made <c>x == key</c>, or null when it uses the keys otherwise.</summary>
    private static Expression<Func<MedQaDbContext, TKey, IQueryable<TResult>>>? OneKey(Expression<Func<MedQaDbContext, TKey[], IQueryable<TResult>>> query)
    {
        var key = Expression.Parameter(typeof(TKey), "key");
        var rewrite = new OneKeyRewrite(query.Parameters[1], key);
        var body = rewrite.Visit(query.Body);
        return rewrite.Rewritten && !rewrite.KeysLeft
            ? Expression.Lambda<Func<MedQaDbContext, TKey, IQueryable<TResult>>>(body, query.Parameters[0], key)
            : null;
    }

    private sealed class OneKeyRewrite(ParameterExpression keys, ParameterExpression key) : ExpressionVisitor
    {
        public bool Rewritten { get; private set; }

        public bool KeysLeft { get; private set; }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            // Enumerable.Contains(keys, x), or MemoryExtensions.Contains((ReadOnlySpan<TKey>)keys, x) as C# 14 binds it
            if (node.Method.Name == nameof(Enumerable.Contains) && node.Arguments is [var source, _] && IsKeys(source))
            {
                Rewritten = true;
                return Expression.Equal(Visit(node.Arguments[1]), key);
            }
            return base.VisitMethodCall(node);
        }

        private bool IsKeys(Expression source) => source switch
        {
            ParameterExpression parameter => parameter == keys,
            UnaryExpression { NodeType: ExpressionType.Convert } convert => IsKeys(convert.Operand),
            MethodCallExpression { Method.Name: "op_Implicit", Arguments: [var operand] } => IsKeys(operand),
            _ => false,
        };

        protected override Expression VisitParameter(ParameterExpression node)
        {
            KeysLeft |= node == keys;
            return node;
        }
    }
}
