using System.Text.Json;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;
using MedQA.Kernel.GraphQL;

namespace MedQA.FastExecution.Compiled;

/// <summary>A compiled operation: its root selection, and the request services its fields read (by slot).</summary>
internal sealed record OperationPlan(PlanSelection Root, Type[] Services);

/// <summary>The fields one selection set asks of one object type, in response order.</summary>
internal sealed class PlanSelection(IObjectGraphType type)
{
    public IObjectGraphType Type { get; } = type;

    public PlanField[] Fields { get; set; } = [];
}

/// <summary>One field of a <see cref="PlanSelection"/>: how it is resolved, and the shape its value is completed to.</summary>
internal sealed class PlanField(GraphQLField ast, FieldType definition, PlanShape shape, int serviceSlot)
{
    private Dictionary<string, (GraphQLField Field, FieldType FieldType)>? _subFields;
    private HashSet<string>? _subFieldNames;

    public GraphQLField Ast { get; } = ast;

    public FieldType Definition { get; } = definition;

    public PlanShape Shape { get; } = shape;

    /// <summary>The field's name in the response: its alias, else its name.</summary>
    public string ResponseKey { get; } = KeyOf(ast, definition);

    /// <summary><see cref="ResponseKey"/> encoded once for the JSON writer.</summary>
    public JsonEncodedText Name { get; } = JsonEncodedText.Encode(KeyOf(ast, definition));

    public IFieldResolver Resolver { get; } = definition.Resolver ?? NameFieldResolver.Instance;

    public ISourceResolver? Source { get; } = definition.Resolver as ISourceResolver;

    public IServiceResolver? WithService { get; } = definition.Resolver as IServiceResolver;

    /// <summary>Where the run keeps the request's instance of <see cref="WithService"/>'s service (-1: none).</summary>
    public int ServiceSlot { get; } = serviceSlot;

    /// <summary>
    /// What <c>IResolveFieldContext.SubFields</c> answers: the selection's fields by response key, a new dictionary
    /// each time as GraphQL.NET gives one (a resolver may change it).
    /// </summary>
    public Dictionary<string, (GraphQLField Field, FieldType FieldType)>? SubFields()
    {
        if ((Shape.Item ?? Shape).Selection is not { } selection)
        {
            return null;
        }
        _subFields ??= selection.Fields.ToDictionary(f => f.ResponseKey, f => (f.Ast, f.Definition));
        return new Dictionary<string, (GraphQLField Field, FieldType FieldType)>(_subFields);
    }

    /// <summary>The names (not response keys) of the fields in <see cref="SubFields"/>, made once.</summary>
    public IReadOnlySet<string> SubFieldNames() =>
        _subFieldNames ??= (Shape.Item ?? Shape).Selection is { } selection
            ? selection.Fields.Select(f => f.Ast.Name.StringValue).ToHashSet(StringComparer.Ordinal)
            : [];

    private static string KeyOf(GraphQLField ast, FieldType definition) => ast.Alias?.Name.StringValue ?? definition.Name;
}

/// <summary>A field's type as completion sees it: non-null or not, and a list of, an object of, or a scalar.</summary>
internal sealed class PlanShape
{
    public bool NonNull { get; init; }

    public PlanShape? Item { get; init; }

    public PlanSelection? Selection { get; init; }

    public ScalarGraphType? Scalar { get; init; }
}
