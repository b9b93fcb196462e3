using GraphQL;
using GraphQL.DataLoader;

namespace MedQA.FastExecution.Compiled;

/// <summary>
/// One execution of a compiled operation, in GraphQL.NET's parallel strategy's order: every field that can be
/// resolved now is resolved (asynchronous resolvers run side by side), and only when none is left are the pending
/// data-loader results awaited, so each loader still fetches one batch per level. A resolver or data-loader result
/// that throws an <see cref="ExecutionError"/> is reported as GraphQL.NET reports it (<see cref="FieldError"/>): the
/// field is null, the error has its location and path, and nulls propagate (<see cref="PlanNulls"/>). Anything else
/// GraphQL.NET would report as an error (any other exception, an error added to the context, null for a non-null
/// field, a value of the wrong kind) stops the run: <see cref="RunAsync"/> answers false and the caller executes the
/// request with GraphQL.NET, whose answer it then is. Cancellation is thrown, as GraphQL.NET throws it.
/// </summary>
internal sealed partial class PlanRun(GraphQL.Execution.ExecutionContext context, OperationPlan plan)
{
    private readonly Queue<ResultObject> _objects = new(32); // whose fields are to be resolved, in order
    private readonly List<(Slot Slot, Task<object?> Task)> _tasks = [];
    private List<(Slot Slot, IDataLoaderResult Pending)> _loaders = [];
    private List<(Slot Slot, IDataLoaderResult Pending)> _completing = [];
    private bool _failed;
    private ExecutionErrors? _errors;
    private List<ExecutionError>? _fieldErrors;
    private object?[]? _services;

    public GraphQL.Execution.ExecutionContext Context => context;

    /// <summary>Errors resolvers add to their context (made when one asks for it): any makes the run fall back.</summary>
    public ExecutionErrors Errors => _errors ??= [];

    /// <summary>The run's data, once <see cref="RunAsync"/> answered true: null when a non-null field's null reached the root.</summary>
    public ResultObject? Data { get; private set; }

    /// <summary>
    /// Runs the plan; false when GraphQL.NET is to execute the request instead. On success the fields' errors are the
    /// execution's (<c>context.Errors</c>), in the order they were met.
    /// </summary>
    public async Task<bool> RunAsync()
    {
        var data = Enqueue(new ResultObject(plan.Root, context.RootValue, null, -1, -1));
        try
        {
            while (!_failed && (_objects.Count > 0 || _loaders.Count > 0))
            {
                while (!_failed && (_objects.Count > 0 || _tasks.Count > 0))
                {
                    // An object's fields in order, then the objects they completed to: the order of a queue of fields.
                    while (!_failed && _objects.TryDequeue(out var next))
                    {
                        for (var field = 0; field < next.Values.Length && !_failed; field++)
                        {
                            Resolve(next, field);
                        }
                    }
                    await CompleteTasksAsync();
                }
                if (!_failed)
                {
                    await CompleteLoadersAsync();
                }
            }
        }
        finally
        {
            await DrainAsync();
        }
        if (_failed || _errors is { Count: > 0 })
        {
            return false;
        }
        if (_fieldErrors is { } errors)
        {
            context.Errors.AddRange(errors);
            Data = PlanNulls.Propagate(data) ? null : data;
        }
        else
        {
            Data = data;
        }
        return true;
    }

    private void Resolve(ResultObject holder, int index)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var field = holder.Selection.Fields[index];
        var slot = new Slot(holder, index, null, -1, field.Shape);
        object? value;
        try
        {
            if (field.Source is { } source)
            {
                value = source.Resolve(holder.Source);
            }
            else if (field.WithService is { } withService && Service(field.ServiceSlot) is { } service)
            {
                value = withService.Resolve(service, holder.Source);
            }
            else
            {
                var pending = field.Resolver.ResolveAsync(new PlanFieldContext(this, holder, field));
                if (!pending.IsCompletedSuccessfully)
                {
                    _tasks.Add((slot, pending.AsTask()));
                    return;
                }
                value = pending.Result;
            }
        }
        catch (Exception e) when (!IsCancellation(e))
        {
            FieldError(slot, e);
            return;
        }
        Complete(slot, value);
    }

    /// <summary>
    /// A field's resolver, or the data-loader result it returned, threw. An <see cref="ExecutionError"/> on a field is
    /// what GraphQL.NET's <c>SetNodeError</c> makes of it: the error located at the field, its path the response path,
    /// the field null. Anything else (GraphQL.NET would call the unhandled-exception delegate), or an error on a list's
    /// item, makes the run fall back.
    /// </summary>
    private void FieldError(Slot slot, Exception exception)
    {
        if (exception is not ExecutionError error || slot.Items is not null)
        {
            _failed = true;
            return;
        }
        var field = slot.Holder.Selection.Fields[slot.Field];
        error.AddLocation(field.Ast, context.Document);
        error.Path = slot.Holder.PathOf(field, responseKeys: true);
        (_fieldErrors ??= []).Add(error);
        slot.Set(null);
    }

    /// <summary>
    /// The request's instance of a service fields read (the one <c>context.Service&lt;T&gt;()</c> gives), asked of the
    /// request's container once per run; null for an execution without one (the resolver then reports it).
    /// </summary>
    private object? Service(int slot)
    {
        _services ??= new object?[plan.Services.Length];
        return _services[slot] ??= context.RequestServices?.GetService(plan.Services[slot]);
    }

    private bool IsCancellation(Exception e) => e is OperationCanceledException && context.CancellationToken.IsCancellationRequested;
}
