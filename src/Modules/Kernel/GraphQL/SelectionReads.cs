using GraphQL;

namespace MedQA.Kernel.GraphQL;

/// <summary>
/// Whether resolvers may read less than a whole row when the selection does not need it (a list page's replies
/// without their text, a card's five columns). On by default; off in the reference execution
/// (<c>MedQA:GraphQL:ReferenceExecution</c>), which reads whole rows whatever the query selects, so the answers
/// of the two can be compared.
/// </summary>
public sealed record SelectionReads(bool Enabled)
{
    public static readonly SelectionReads On = new(true);
}

public static class SelectionExtensions
{
    /// <summary>
    /// Whether the field's selection asks for a field named <paramref name="fieldName"/>, whatever response key
    /// (alias) it is asked under: <c>SubFields</c> is keyed by response key, so <c>text: body</c> is a "text" key
    /// holding the field "body".
    /// </summary>
    public static bool Selects(this IResolveFieldContext context, string fieldName)
    {
        // A typed resolver's context is GraphQL.NET's adapter around the execution's own, which passes ArrayPool on.
        if ((context as ISelectedFieldNames ?? context.ArrayPool as ISelectedFieldNames) is { } names)
        {
            return names.SelectsFieldNamed(fieldName);
        }
        if (context.SubFields is not { } fields)
        {
            return false;
        }
        foreach (var (_, (field, _)) in fields)
        {
            if (field.Name.Value == fieldName)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether a resolver may leave out what <paramref name="fieldName"/> needs: reads are allowed to follow the
    /// selection and the selection does not ask for that field.
    /// </summary>
    public static bool MayLeaveOut(this SelectionReads reads, IResolveFieldContext context, string fieldName) =>
        reads.Enabled && !context.Selects(fieldName);
}

/// <summary>
/// A resolve context that knows the names of the fields its selection asks for without building
/// <c>SubFields</c> (a new dictionary per call): the fast execution's, whose selections are compiled once.
/// </summary>
public interface ISelectedFieldNames
{
    /// <summary>Whether the field's selection holds a field named <paramref name="fieldName"/>, under any response key.</summary>
    bool SelectsFieldNamed(string fieldName);
}
