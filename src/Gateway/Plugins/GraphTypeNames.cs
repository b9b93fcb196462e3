using GraphQL.Types;

namespace MedQA.Gateway.Plugins;

/// <summary>Walks graph types through their fields, to know every type name a set of fields brings into the schema.</summary>
internal static class GraphTypeNames
{
    public static Dictionary<string, IGraphType> Reachable(IEnumerable<FieldType> fields, Func<Type, IGraphType?> resolve)
    {
        var found = new Dictionary<string, IGraphType>(StringComparer.Ordinal);
        var queue = new Queue<FieldType>(fields);
        while (queue.TryDequeue(out var field))
        {
            var type = Named(field.ResolvedType) ?? (Unwrap(field.Type) is { } clr ? resolve(clr) : null);
            if (type is null || !found.TryAdd(type.Name, type))
            {
                continue;
            }
            if (type is IComplexGraphType complex)
            {
                foreach (var child in complex.Fields)
                {
                    queue.Enqueue(child);
                }
            }
            if (type is IImplementInterfaces implementer)
            {
                foreach (var face in implementer.Interfaces.Select(resolve).OfType<IComplexGraphType>())
                {
                    found.TryAdd(face.Name, face);
                }
            }
        }
        return found;
    }

    private static IGraphType? Named(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => Named(nonNull.ResolvedType),
        ListGraphType list => Named(list.ResolvedType),
        _ => type,
    };

    private static Type? Unwrap(Type? type)
    {
        while (type is { IsGenericType: true } && (type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>) || type.GetGenericTypeDefinition() == typeof(ListGraphType<>)))
        {
            type = type.GetGenericArguments()[0];
        }
        return type;
    }

    /// <summary>The type without its outer non-null wrapper: plugin fields are nullable, so a failure nulls only them.</summary>
    public static void MakeNullable(FieldType field)
    {
        if (field.Type is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>))
        {
            field.Type = type.GetGenericArguments()[0];
        }
        if (field.ResolvedType is NonNullGraphType nonNull)
        {
            field.ResolvedType = nonNull.ResolvedType;
        }
    }
}
