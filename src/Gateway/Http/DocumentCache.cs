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
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public GraphQLDocument? Get(string query) => _documents.GetValueOrDefault(query);

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
        _documents[query] = document;
    }

    public int Count => _documents.Count;
}
