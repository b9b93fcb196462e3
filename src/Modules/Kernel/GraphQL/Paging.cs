using System.Buffers.Text;
using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace MedQA.Kernel.GraphQL;

/// <summary>What a connection field was asked for: a page size, a direction, and the cursor to start from.</summary>
/// <param name="Size">How many items.</param>
/// <param name="Backward">True for <c>last</c>/<c>before</c>: the items before the cursor, still returned in order.</param>
/// <param name="Cursor">The parts of the <c>after</c> or <c>before</c> cursor, or null for the first (or last) page.</param>
public sealed record PageRequest(int Size, bool Backward, string[]? Cursor);

/// <summary>Reads and checks the Relay paging arguments: <c>first</c>/<c>after</c> forward, <c>last</c>/<c>before</c> backward.</summary>
public static class Paging
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    /// <summary>Adds <c>first</c>, <c>after</c>, <c>last</c> and <c>before</c> to a connection field.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string items) => field
        .Argument<IntGraphType>("first", $"How many {items} from the start or after `after` (default {DefaultPageSize}, at most {MaxPageSize}).")
        .Argument<StringGraphType>("after", "A cursor (`endCursor` of the previous page): the items after it.")
        .Argument<IntGraphType>("last", $"How many {items} from the end or before `before` (at most {MaxPageSize}).")
        .Argument<StringGraphType>("before", "A cursor (`startCursor` of the next page): the items before it.");

    public static PageRequest Request(IResolveFieldContext context, int cursorParts)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");
        if (first is not null && last is not null)
        {
            throw ErrorCodes.UserInput("Give 'first' or 'last', not both.");
        }
        if (after is not null && before is not null)
        {
            throw ErrorCodes.UserInput("Give 'after' or 'before', not both.");
        }
        var backward = last is not null || before is not null;
        var size = (backward ? last : first) ?? DefaultPageSize;
        if (size is < 0 or > MaxPageSize)
        {
            throw ErrorCodes.UserInput($"'{(backward ? "last" : "first")}' must be between 0 and {MaxPageSize}; it was {size}.");
        }
        var cursor = (backward ? before : after) is { } text ? Decode(text, cursorParts, backward ? "before" : "after") : null;
        return new PageRequest(size, backward, cursor);
    }

    public static string Cursor(params string[] parts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', parts)));

    private static string[] Decode(string cursor, int parts, string argument)
    {
        var decoded = Base64Url.IsValid(cursor) ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)) : "";
        var split = decoded.Split('|', parts);
        return split.Length == parts
            ? split
            : throw ErrorCodes.UserInput($"'{argument}' is not a cursor of this connection: '{cursor}'.");
    }

    /// <summary>The error for a cursor that decodes but does not fit the connection or its order.</summary>
    public static ExecutionError BadCursor(IResolveFieldContext context, string why) =>
        ErrorCodes.UserInput($"'{(context.HasArgument("before") ? "before" : "after")}' is not a cursor of this connection: {why}.");
}
