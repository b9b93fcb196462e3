using System.Runtime.CompilerServices;
using GraphQL;
using GraphQLParser.AST;

namespace MedQA.Kernel.GraphQL;

/// <summary>What a connection field's selection asks of its nodes, so its query reads only the columns they need.</summary>
public static class ConnectionSelection
{
    private static readonly ConditionalWeakTable<GraphQLField, IReadOnlySet<string>> Known = [];

    /// <summary>
    /// The names of the fields selected on the connection's nodes, through <c>edges { node }</c> and <c>nodes</c>,
    /// fragments followed. Type conditions and directives are ignored: it may name fields that will not run, never
    /// miss one that will. Kept per field of the (immutable) document.
    /// </summary>
    public static IReadOnlySet<string> NodeFields(IResolveFieldContext context)
    {
        if (Known.TryGetValue(context.FieldAst, out var known))
        {
            return known;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in Fields(context.Document, context.FieldAst.SelectionSet))
        {
            if (field.Name.StringValue == "nodes")
            {
                names.UnionWith(Fields(context.Document, field.SelectionSet).Select(f => f.Name.StringValue));
            }
            else if (field.Name.StringValue == "edges")
            {
                foreach (var node in Fields(context.Document, field.SelectionSet).Where(f => f.Name.StringValue == "node"))
                {
                    names.UnionWith(Fields(context.Document, node.SelectionSet).Select(f => f.Name.StringValue));
                }
            }
        }
        Known.AddOrUpdate(context.FieldAst, names);
        return names;
    }

    private static IEnumerable<GraphQLField> Fields(GraphQLDocument document, GraphQLSelectionSet? selection, HashSet<string>? visited = null)
    {
        foreach (var node in selection?.Selections ?? [])
        {
            var inner = node switch
            {
                GraphQLInlineFragment inline => inline.SelectionSet,
                GraphQLFragmentSpread spread when (visited ??= []).Add(spread.FragmentName.Name.StringValue) =>
                    document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue)?.SelectionSet,
                _ => null,
            };
            if (node is GraphQLField field)
            {
                yield return field;
            }
            foreach (var nested in inner is null ? [] : Fields(document, inner, visited ??= []))
            {
                yield return nested;
            }
        }
    }
}
