using GraphQLParser.AST;

namespace MedQA.Gateway.Limits;

/// <summary>
/// What an operation asks for as written, fragments expanded along every spread: how many fields, how deep, how many
/// aliases. Each fragment's cost is computed once and looked up at every further spread, so a document whose fragments
/// each spread the previous one twice (2^n fields from n lines) costs a walk of its own text, not of its expansion.
/// Sums saturate instead of overflowing. A fragment that spreads itself (a cycle, which validation reports) counts
/// nothing the second time.
/// </summary>
public readonly record struct DocumentCost(long Fields, int Depth, long Aliases)
{
    /// <summary>Where sums stop growing: past it a count reads "more than 10^18".</summary>
    public const long Saturated = long.MaxValue / 4;

    public static DocumentCost Of(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        return new Walk(document).Selection(operation.SelectionSet);
    }

    private sealed class Walk
    {
        private readonly FragmentMemo<DocumentCost> _fragments;

        public Walk(GraphQLDocument document) => _fragments = new(document, Selection);

        public DocumentCost Selection(GraphQLSelectionSet? set)
        {
            var (fields, depth, aliases) = (0L, 0, 0L);
            foreach (var selection in set?.Selections ?? [])
            {
                var (inner, nests) = selection switch
                {
                    GraphQLField field => (Selection(field.SelectionSet), true),
                    GraphQLInlineFragment inline => (Selection(inline.SelectionSet), false),
                    GraphQLFragmentSpread spread => (_fragments.Of(spread), false),
                    _ => (default, false),
                };
                var own = selection is GraphQLField f ? (1L, f.Alias is null ? 0L : 1L) : (0L, 0L);
                fields = Add(fields, Add(own.Item1, inner.Fields));
                aliases = Add(aliases, Add(own.Item2, inner.Aliases));
                depth = Math.Max(depth, inner.Depth + (nests ? 1 : 0));
            }
            return new DocumentCost(fields, depth, aliases);
        }

        private static long Add(long a, long b) => Math.Min(Saturated, a + b);
    }
}
