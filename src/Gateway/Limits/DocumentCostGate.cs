using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace MedQA.Gateway.Limits;

/// <summary>
/// Parses a new document (with GraphQL.NET's own document builder, as the executer would) and refuses it before
/// GraphQL.NET's validation when it asks for too much (<see cref="DocumentCostRule"/>): some of GraphQL.NET's rules
/// walk a fragment again at every spread, so a 1 KB document whose fragments each spread the previous one twice
/// took seconds of CPU to be refused. The check is linear in the document's text. Runs inside the document cache:
/// a cached document passed it already. A request whose client is gone (its token cancelled) stops before each stage:
/// nothing is parsed or checked for nobody; reading and checking a document longer than the request's timeout
/// answers <c>TIMEOUT</c> instead of going on to GraphQL.NET's validation.
/// </summary>
public sealed class DocumentCostGate(IDocumentBuilder documents, GraphQLLimits limits, Schema.MedQaSchema schema) : IConfigureExecution
{
    public float SortOrder => 400;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is null)
        {
            return next(options);
        }
        options.CancellationToken.ThrowIfCancellationRequested();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        GraphQLDocument document;
        try
        {
            document = documents.Build(options.Query);
        }
        catch (GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
        {
            return Refused(options, LimitCodes.Depth, "The document is nested too deeply to be read.", null);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return next(options); // the executer parses it again and reports the syntax error as GraphQL.NET does
        }
        options.CancellationToken.ThrowIfCancellationRequested();
        options.Document = document;
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = options.OperationName is { } name
            ? operations.FirstOrDefault(o => o.Name?.StringValue == name)
            : operations.Count == 1 ? operations[0] : null;
        if (operation is { Operation: not OperationType.Query } && (operation.Operation == OperationType.Mutation ? schema.Mutation : schema.Subscription) is null)
        {
            var kind = operation.Operation.ToString().ToLowerInvariant();
            return Refused(options, OperationNotSupported, $"This API has no {kind}s: it answers queries only.", document);
        }
        var errors = operation is null ? [] : DocumentCostRule.Errors(document, operation, limits).ToList();
        options.CancellationToken.ThrowIfCancellationRequested();
        if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > limits.Timeout)
        {
            return Refused(options, Timeout, $"The document took longer than {limits.Timeout.TotalSeconds:0.#} s to read and check (MedQA:GraphQL:Timeout).", document);
        }
        return errors.Count == 0
            ? next(options)
            : Task.FromResult(new ExecutionResult { Errors = [.. errors], Query = options.Query, Document = document, Executed = false });
    }

    /// <summary>The code of a mutation or subscription sent to a schema that has none.</summary>
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";

    /// <summary>The code of a request that ran out of time (GraphQL.NET's, for the execution's own timeout).</summary>
    public const string Timeout = "TIMEOUT";

    private static Task<ExecutionResult> Refused(ExecutionOptions options, string code, string message, GraphQLDocument? document) =>
        Task.FromResult(new ExecutionResult
        {
            Errors = [new ExecutionError(message) { Code = code }], Query = options.Query, Document = document, Executed = false,
        });
}
