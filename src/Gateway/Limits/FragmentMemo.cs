using GraphQLParser.AST;

namespace MedQA.Gateway.Limits;

/// <summary>
/// A document's fragments by name, each walked once: a walk over an operation looks a fragment's result up at every
/// further spread, so its cost is the document's text, not its expansion. A fragment met again while it is being
/// walked (a cycle, which validation reports) or not defined gives <c>default</c>.
/// </summary>
internal sealed class FragmentMemo<T>(GraphQLDocument document, Func<GraphQLSelectionSet, T> walk)
    where T : struct
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = Definitions(document);
    private readonly Dictionary<string, T?> _known = new(StringComparer.Ordinal); // null: being walked

    public T Of(GraphQLFragmentSpread spread)
    {
        var name = spread.FragmentName.Name.StringValue;
        if (_known.TryGetValue(name, out var known))
        {
            return known ?? default;
        }
        if (!_fragments.TryGetValue(name, out var fragment))
        {
            return default;
        }
        _known[name] = null;
        var result = walk(fragment.SelectionSet);
        _known[name] = result;
        return result;
    }

    /// <summary>The document's fragments by name (the first of a name, as validation reports the others).</summary>
    public static Dictionary<string, GraphQLFragmentDefinition> Definitions(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
        return fragments;
    }
}
