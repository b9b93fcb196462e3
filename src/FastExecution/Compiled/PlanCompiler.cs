using GraphQL.Types;
using GraphQLParser.AST;


namespace MedQA.FastExecution.Compiled;

/// <summary>
/// Turns an operation into <see cref="PlanSelection"/>s, or refuses it (null) when any part of it needs what only
/// GraphQL.NET's execution does: an interface or union (the object type is known only from the value), a list of
/// lists, or a field GraphQL.NET merges.
/// </summary>
internal static class PlanCompiler
{
    /// <summary>The fields of a selection set for a type, as GraphQL.NET collects them; null when it merged some.</summary>
    public delegate (GraphQLField Field, FieldType Definition)[]? Collector(IObjectGraphType type, GraphQLSelectionSet selection);

    public static OperationPlan? Compile(IObjectGraphType root, GraphQLSelectionSet selection, Collector collect)
    {
        var services = new List<Type>();
        try
        {
            return new OperationPlan(Selection(root, selection, collect, services), [.. services]);
        }
        catch (NotPlannable)
        {
            return null;
        }
    }

    private static PlanSelection Selection(IObjectGraphType type, GraphQLSelectionSet selection, Collector collect, List<Type> services)
    {
        var fields = collect(type, selection) ?? throw new NotPlannable();
        var plan = new PlanSelection(type);
        plan.Fields = [.. fields.Select(f => Field(f.Field, f.Definition, collect, services))];
        return plan;
    }

    private static PlanField Field(GraphQLField field, FieldType definition, Collector collect, List<Type> services)
    {
        if (definition.ResolvedType is null)
        {
            throw new NotPlannable();
        }
        var slot = -1;
        if (definition.Resolver is Kernel.GraphQL.IServiceResolver withService)
        {
            slot = services.IndexOf(withService.Service);
            if (slot < 0)
            {
                services.Add(withService.Service);
                slot = services.Count - 1;
            }
        }
        return new PlanField(field, definition, Shape(definition.ResolvedType, field.SelectionSet, collect, services, inList: false), slot);
    }

    private static PlanShape Shape(IGraphType type, GraphQLSelectionSet? selection, Collector collect, List<Type> services, bool inList)
    {
        var nonNull = type is NonNullGraphType;
        if (type is NonNullGraphType wrapped)
        {
            type = wrapped.ResolvedType ?? throw new NotPlannable();
        }
        return type switch
        {
            ListGraphType { ResolvedType: { } item } when !inList => new PlanShape { NonNull = nonNull, Item = Shape(item, selection, collect, services, inList: true) },
            IObjectGraphType objectType when selection is not null => new PlanShape { NonNull = nonNull, Selection = Selection(objectType, selection, collect, services) },
            ScalarGraphType scalar => new PlanShape { NonNull = nonNull, Scalar = scalar },
            _ => throw new NotPlannable(),
        };
    }

    private sealed class NotPlannable : Exception;
}
