namespace MedQA.FastExecution.Compiled;

/// <summary>
/// Null propagation after a run with field errors, as GraphQL.NET's <c>PropagateNull</c> does it once execution ends:
/// a null in a non-null field makes the object holding it null, a null item of a list of non-null items makes the
/// list null, up to the nearest nullable field (or the root: no data at all).
/// </summary>
internal static class PlanNulls
{
    /// <summary>Whether the object is null once its fields' nulls have propagated; nullable fields it holds are set to null.</summary>
    public static bool Propagate(ResultObject result)
    {
        var fields = result.Selection.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            var shape = fields[i].Shape;
            var isNull = result.Values[i] switch
            {
                null => true,
                ResultObject child => Propagate(child),
                ResultList list => Propagate(list, shape.Item!),
                _ => false,
            };
            if (isNull)
            {
                if (shape.NonNull)
                {
                    return true;
                }
                result.Values[i] = null;
            }
        }
        return false;
    }

    private static bool Propagate(ResultList list, PlanShape item)
    {
        var items = list.Items;
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null || (items[i] is ResultObject child && Propagate(child)))
            {
                if (item.NonNull)
                {
                    return true;
                }
                items[i] = null;
            }
        }
        return false;
    }
}
