using System.Runtime.CompilerServices;
using GraphQL;
using GraphQLParser.AST;
using MedQA.FastExecution.Compiled;

namespace MedQA.FastExecution;

/// <summary>
/// Queries run from a compiled plan of their operation (<see cref="PlanRun"/>): the fields each selection asks of
/// each type resolved once, then executed without GraphQL.NET's execution nodes, into results written straight to
/// JSON. GraphQL.NET executes what the plan cannot (see <see cref="PlanCompiler"/>), documents with directives, and
/// every request whose run meets an error other than a field's <see cref="ExecutionError"/> (see <see cref="PlanRun"/>).
/// </summary>
public sealed partial class PlannedExecutionStrategy
{
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, Compiled> _operations = [];

    public override async Task<ExecutionResult> ExecuteAsync(GraphQL.Execution.ExecutionContext context)
    {
        if (compile && context.Operation.Operation == OperationType.Query && Plan(context) is { } plan
            && new PlanRun(context, plan) is var run && await run.RunAsync())
        {
            return new ExecutionResult
            {
                Executed = true,
                Data = run.Data,
                Query = context.Document.Source,
                Document = context.Document,
                Operation = context.Operation,
                Extensions = context.OutputExtensions,
            };
        }
        return await base.ExecuteAsync(context);
    }

    private OperationPlan? Plan(GraphQL.Execution.ExecutionContext context)
    {
        var compiled = _operations.GetOrCreateValue(context.Operation);
        if (!compiled.Done)
        {
            compiled.Plan = HasDirectives(context.Document) || context.Schema.Query is not { } query ? null
                : PlanCompiler.Compile(query, context.Operation.SelectionSet,
                    (type, selection) => _plans.GetOrCreateValue(selection).For(type, () => Collect(context, type, selection)));
            compiled.Done = true; // a lost race only compiles twice
        }
        return compiled.Plan;
    }

    private sealed class Compiled
    {
        public OperationPlan? Plan { get; set; }

        public volatile bool Done;
    }
}
