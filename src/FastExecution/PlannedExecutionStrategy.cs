using GraphQL;
using GraphQL.Execution;
using MedQA.Kernel.GraphQL;

namespace MedQA.FastExecution;

/// <summary>
/// GraphQL.NET's parallel strategy with three shortcuts: queries run from a compiled plan when they can
/// (<c>PlannedExecutionStrategy.Compiled.cs</c>); else fields that only read their parent object are resolved without
/// GraphQL.NET's per-field machinery (here), and each object's fields are collected once per selection and type
/// instead of once per object (<c>PlannedExecutionStrategy.Fields.cs</c>).
/// </summary>
public sealed partial class PlannedExecutionStrategy(bool compile = true) : ParallelExecutionStrategy
{
    /// <summary>
    /// A field whose resolver only reads its parent object (<see cref="ISourceResolver"/>) is resolved here, without
    /// the resolve context, delegate adapter and asynchronous steps GraphQL.NET's node execution goes through; its
    /// result is completed as GraphQL.NET completes it, and errors are reported the same way.
    /// </summary>
    protected override Task ExecuteNodeAsync(GraphQL.Execution.ExecutionContext context, ExecutionNode node)
    {
        if (node.FieldDefinition?.Resolver is not ISourceResolver resolver || node is RootExecutionNode || node.Parent is ArrayExecutionNode)
        {
            return base.ExecuteNodeAsync(context, node);
        }
        context.CancellationToken.ThrowIfCancellationRequested();
        try
        {
            node.Result = resolver.Resolve(node.Source);
            if (node.Result is GraphQL.DataLoader.IDataLoaderResult)
            {
                return Task.CompletedTask; // completed when the batch loads, as GraphQL.NET does
            }
            if (node is not ValueExecutionNode value)
            {
                return CompleteNodeAsync(context, node);
            }
            node.Result = value.GraphType.Serialize(node.Result);
            ValidateNodeResult(context, node);
            return Task.CompletedTask;
        }
        catch (ExecutionError error)
        {
            SetNodeError(context, node, error);
            return Task.CompletedTask;
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            return UnhandledAsync(context, node, e);
        }
    }

    private async Task UnhandledAsync(GraphQL.Execution.ExecutionContext context, ExecutionNode node, Exception exception)
    {
        if (await ProcessNodeUnhandledExceptionAsync(context, node, exception))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
        }
    }
}
