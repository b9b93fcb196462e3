using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Instrumentation;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace MedQA.FastExecution.Compiled;

/// <summary>
/// The resolve context of a field in a compiled execution: what GraphQL.NET's <c>ReadonlyResolveFieldContext</c>
/// answers for the same field (arguments and directives from the request, paths, sub-fields, the parent field's
/// context), with one difference: errors a resolver adds go to the run's own list, so a run that falls back to
/// GraphQL.NET leaves none behind. A parent context is the context of the field that gave <c>item</c>: when that
/// object is an item of a list, GraphQL.NET's parent is the list item's, whose source is the list and whose path
/// ends with the index.
/// </summary>
internal sealed class PlanFieldContext(PlanRun run, ResultObject holder, PlanField planned, ResultObject? item = null)
    : IResolveFieldContext<object?>, IExecutionArrayPool, MedQA.Kernel.GraphQL.ISelectedFieldNames
{
    private IResolveFieldContext? _parent;

    public object? Source => InList ? ((ResultList)item!.OwnerValue!).Resolved : holder.Source;

    public GraphQLField FieldAst => planned.Ast;

    public FieldType FieldDefinition => planned.Definition;

    // A list item's parent is the list, which is no object type: GraphQL.NET answers null there too.
    public IObjectGraphType ParentType => InList ? null! : holder.Selection.Type;

    public IResolveFieldContext? Parent =>
        _parent ??= holder.Owner is { } owner ? new PlanFieldContext(run, owner, holder.OwnerField!, holder) : null;

    public IDictionary<string, ArgumentValue>? Arguments => Execution.GetArguments(planned.Definition, planned.Ast);

    public IDictionary<string, DirectiveInfo>? Directives => Execution.GetDirectives(planned.Ast);

    public object? RootValue => Execution.RootValue;

    public ISchema Schema => Execution.Schema;

    public GraphQLDocument Document => Execution.Document;

    public GraphQLOperationDefinition Operation => Execution.Operation;

    public Variables Variables => Execution.Variables;

    public CancellationToken CancellationToken => Execution.CancellationToken;

    public Metrics Metrics => Execution.Metrics;

    public ExecutionErrors Errors => run.Errors;

    public IEnumerable<object> Path => InList ? item!.PathOf(null, responseKeys: false) : holder.PathOf(planned, responseKeys: false);

    public IEnumerable<object> ResponsePath => InList ? item!.PathOf(null, responseKeys: true) : holder.PathOf(planned, responseKeys: true);

    public Dictionary<string, (GraphQLField Field, FieldType FieldType)>? SubFields => planned.SubFields();

    public bool SelectsFieldNamed(string fieldName) => planned.SubFieldNames().Contains(fieldName);

    public IDictionary<string, object?> UserContext => Execution.UserContext;

    public IReadOnlyDictionary<string, object?> InputExtensions => Execution.InputExtensions;

    public IDictionary<string, object?> OutputExtensions => Execution.OutputExtensions;

    public IServiceProvider? RequestServices => Execution.RequestServices;

    /// <summary>
    /// The execution's pool, through this context: GraphQL.NET hands a typed resolver its own adapter around this
    /// context, which passes <c>ArrayPool</c> on, so <c>context.ArrayPool is ISelectedFieldNames</c> still reaches
    /// <see cref="SelectsFieldNamed"/> (see <c>SelectionExtensions.Selects</c>).
    /// </summary>
    public IExecutionArrayPool ArrayPool => this;

    TElement[] IExecutionArrayPool.Rent<TElement>(int minimumLength) => Execution.Rent<TElement>(minimumLength);

    public ClaimsPrincipal? User => Execution.User;

    public IExecutionContext ExecutionContext => Execution;

    private GraphQL.Execution.ExecutionContext Execution => run.Context;

    private bool InList => item is { Index: >= 0 };
}
