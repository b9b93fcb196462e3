using System.Buffers.Text;
using System.Text;
using GraphQL;

namespace MedQA.Kernel.GraphQL;

/// <summary>Reads and checks the <c>first</c>/<c>after</c> paging arguments of a connection field.</summary>
public static class Paging
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    public static int First(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? DefaultPageSize;
        if (first is < 0 or > MaxPageSize)
        {
            throw ErrorCodes.UserInput($"'first' must be between 0 and {MaxPageSize}; it was {first}.");
        }
        return first;
    }

    /// <summary>The parts of the <c>after</c> cursor, or null when there is none.</summary>
    public static string[]? After(IResolveFieldContext context, int parts)
    {
        var after = context.GetArgument<string?>("after");
        if (after is null)
        {
            return null;
        }
        var decoded = Base64Url.IsValid(after) ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(after)) : "";
        var split = decoded.Split('|');
        if (split.Length != parts)
        {
            throw ErrorCodes.UserInput($"'after' is not a cursor of this connection: '{after}'.");
        }
        return split;
    }

    public static string Cursor(params string[] parts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', parts)));
}
