using GraphQLParser.AST;

namespace MedQA.Gateway.Limits;

/// <summary>
/// How an introspection document nests, fragments followed along every spread (each fragment walked once): the
/// longest chain of directly nested <c>ofType</c> fields, and how deeply the fields that list types
/// (<c>fields</c>, <c>inputFields</c>, <c>interfaces</c>, <c>possibleTypes</c>) nest inside each other. graphql-js's
/// full introspection query nests <c>ofType</c> 7 deep (its newer releases and some tools 9) and lists 1 deep;
/// only a document walking the type graph in circles nests them further.
/// </summary>
public readonly record struct IntrospectionShape(int OfTypeChain, int ListNesting)
{
    /// <summary>The deepest <c>ofType</c> chain allowed: enough for <c>[[[[Float!]!]!]!]</c> and the tools' queries.</summary>
    public const int MaxOfTypeChain = 9;

    /// <summary>graphql-js's own bound (MaxIntrospectionDepthRule): lists of types nested at most twice.</summary>
    public const int MaxListNesting = 2;

    private static readonly HashSet<string> TypeLists = ["fields", "inputFields", "interfaces", "possibleTypes"];

    /// <summary>Whether every root field of the operation is <c>__schema</c>, <c>__type</c> or <c>__typename</c>.</summary>
    public static bool OnlyIntrospects(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        Dictionary<string, GraphQLFragmentDefinition>? fragments = null; // read only when a spread is met: data queries rarely start with one
        HashSet<string>? seen = null;
        bool Only(GraphQLSelectionSet? set) => (set?.Selections ?? []).All(selection => selection switch
        {
            GraphQLField field => field.Name.StringValue is "__schema" or "__type" or "__typename",
            GraphQLInlineFragment inline => Only(inline.SelectionSet),
            GraphQLFragmentSpread spread => !(seen ??= new(StringComparer.Ordinal)).Add(spread.FragmentName.Name.StringValue)
                || ((fragments ??= FragmentMemo<Nesting>.Definitions(document)).TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    && Only(fragment.SelectionSet)),
            _ => false,
        });
        return operation.SelectionSet.Selections.Count > 0 && Only(operation.SelectionSet);
    }

    public static IntrospectionShape Of(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var walk = new Walk(document);
        var root = walk.Selection(operation.SelectionSet);
        return new IntrospectionShape(Math.Max(root.ChainFromTop, root.Chain), root.Lists);
    }

    /// <summary>
    /// A selection set's shape: the longest <c>ofType</c> chain starting at its top (which continues a chain
    /// above it), the longest anywhere inside, and its deepest nesting of type lists.
    /// </summary>
    private readonly record struct Nesting(int ChainFromTop, int Chain, int Lists);

    private sealed class Walk
    {
        private readonly FragmentMemo<Nesting> _fragments;

        public Walk(GraphQLDocument document) => _fragments = new(document, Selection);

        public Nesting Selection(GraphQLSelectionSet? set)
        {
            var (fromTop, chain, lists) = (0, 0, 0);
            foreach (var selection in set?.Selections ?? [])
            {
                var inner = selection switch
                {
                    GraphQLField field => Field(field),
                    GraphQLInlineFragment inline => Selection(inline.SelectionSet),
                    GraphQLFragmentSpread spread => _fragments.Of(spread),
                    _ => default,
                };
                (fromTop, chain, lists) = (Math.Max(fromTop, inner.ChainFromTop), Math.Max(chain, inner.Chain), Math.Max(lists, inner.Lists));
            }
            return new Nesting(fromTop, chain, lists);
        }

        /// <summary>A field as one selection of its parent: an <c>ofType</c> extends the chain its children start.</summary>
        private Nesting Field(GraphQLField field)
        {
            var inner = Selection(field.SelectionSet);
            var name = field.Name.StringValue;
            var fromTop = name == "ofType" ? inner.ChainFromTop + 1 : 0;
            return new Nesting(fromTop, Math.Max(inner.Chain, Math.Max(fromTop, inner.ChainFromTop)), inner.Lists + (TypeLists.Contains(name) ? 1 : 0));
        }
    }
}
