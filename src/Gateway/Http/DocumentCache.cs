using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace MedQA.Gateway.Http;

/// <summary>
/// Documents that parsed and validated, by query text, so the next request with the same text skips both (the
/// idea of GraphQL.NET's MemoryDocumentCache, whose package is not available to us). Bounded: when full, it
/// starts over. Queries longer than <see cref="MaxQueryLength"/> are never cached.
/// </summary>
public sealed class DocumentCache(int capacity = 1000)
{
    public const int MaxQueryLength = 16 * 1024;
    private readonly ConcurrentDictionary<string, CachedDocument> _documents = new(StringComparer.Ordinal);

    public CachedDocument? Get(string query) => _documents.GetValueOrDefault(query);

    public void Add(string query, GraphQLDocument document)
    {
        if (capacity <= 0 || query.Length > MaxQueryLength)
        {
            return;
        }
        if (_documents.Count >= capacity)
        {
            _documents.Clear();
        }
        var (fixedCost, introspects) = Inspect(document);
        _documents[query] = new CachedDocument(document, fixedCost, introspects);
    }

    /// <summary>
    /// Whether the document's complexity is the same for any variables (no variable sets a page size,
    /// <c>first</c>/<c>last</c>, so the budget check it passed once holds for every later request), and whether it
    /// asks for <c>__schema</c> or <c>__type</c> (the only fields the introspection rule can refuse).
    /// </summary>
    private static (bool FixedCost, bool Introspects) Inspect(GraphQLDocument document)
    {
        var (fixedCost, introspects) = (true, false);
        var nodes = new Stack<ASTNode>([document]);
        while (nodes.TryPop(out var node))
        {
            switch (node)
            {
                case GraphQLArgument { Value: GraphQLVariable } argument when argument.Name.StringValue is "first" or "last":
                    fixedCost = false;
                    break;
                case GraphQLDocument d:
                    d.Definitions.ForEach(nodes.Push);
                    break;
                case GraphQLOperationDefinition o:
                    nodes.Push(o.SelectionSet);
                    break;
                case GraphQLFragmentDefinition f:
                    nodes.Push(f.SelectionSet);
                    break;
                case GraphQLSelectionSet set:
                    set.Selections.ForEach(nodes.Push);
                    break;
                case GraphQLField field:
                    introspects |= field.Name.StringValue is "__schema" or "__type";
                    field.Arguments?.Items.ForEach(nodes.Push);
                    if (field.SelectionSet is not null)
                    {
                        nodes.Push(field.SelectionSet);
                    }
                    break;
                case GraphQLInlineFragment inline:
                    nodes.Push(inline.SelectionSet);
                    break;
            }
        }
        return (fixedCost, introspects);
    }
}

/// <summary>A document that parsed and validated: can its complexity change with its variables, does it introspect.</summary>
public sealed record CachedDocument(GraphQLDocument Document, bool FixedCost, bool Introspects);
