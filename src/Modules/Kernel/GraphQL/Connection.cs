namespace MedQA.Kernel.GraphQL;

/// <summary>One page of a Relay connection. The total is counted only when a client selects it.</summary>
public sealed record Connection<T>(
    IReadOnlyList<Edge<T>> Edges,
    PageInfo PageInfo,
    Func<CancellationToken, Task<int>> CountTotal);

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
