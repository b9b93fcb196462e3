using GraphQL.Types;

namespace MedQA.Kernel.GraphQL;

/// <summary>A Relay connection type named <c>{Node}Connection</c>, with non-null edges and nodes.</summary>
public abstract class ConnectionType<TNodeType, TEdgeType, T> : ObjectGraphType<Connection<T>>
    where TNodeType : IGraphType
    where TEdgeType : IGraphType
{
    protected ConnectionType(string nodeName)
    {
        Name = $"{nodeName}Connection";
        Description = $"One page of {TypeWords.Of(nodeName)}s, with the cursors to fetch the next one.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges")
            .Description("The items of this page, each with its cursor.")
            .ResolveSource(source => source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The items of this page, without cursors.")
            .Resolve(context => context.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Whether there are more pages, and the cursors at both ends of this one.")
            .ResolveSource(source => source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items match, over all pages. Counted only when selected.")
            .ResolveAsync(async context => await context.Source.CountTotal(context.CancellationToken));
    }
}

/// <summary>An edge named <c>{Node}Edge</c>.</summary>
public abstract class EdgeType<TNodeType, T> : ObjectGraphType<Edge<T>>
    where TNodeType : IGraphType
{
    protected EdgeType(string nodeName)
    {
        Name = $"{nodeName}Edge";
        Description = $"A {nodeName.ToLowerInvariant()} in a connection, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Pass as `after` to fetch the items that follow this one.")
            .ResolveSource(source => source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node")
            .Description($"The {nodeName.ToLowerInvariant()}.")
            .ResolveSource(source => source.Node);
    }
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page stands in its connection.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Whether more items follow this page.")
            .ResolveSource(source => source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Whether items come before this page.")
            .ResolveSource(source => source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("The cursor of the first item; null on an empty page.")
            .ResolveSource(source => source.StartCursor);
        Field<StringGraphType>("endCursor").Description("The cursor of the last item; null on an empty page.")
            .ResolveSource(source => source.EndCursor);
    }
}
