using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Rules.Custom;

namespace MedQA.Gateway.Http;

/// <summary>
/// Runs documents through <see cref="DocumentCache"/>: after the persisted-document handler (which turns a
/// documentId into its query), so partner documents are parsed and validated once too.
/// </summary>
public sealed class DocumentCacheExecution(DocumentCache documents) : IConfigureExecution
{
    public float SortOrder => 300;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is null)
        {
            return await next(options);
        }
        var cached = documents.Get(options.Query);
        if (cached is not null)
        {
            options.Document = cached.Document;
            // Validated before: only the rules that depend on the request (variables, caller) run again, and the
            // complexity budget only when a variable sets a page size.
            var rules = options.CachedDocumentValidationRules ?? [];
            options.ValidationRules = cached.FixedCost ? rules.Where(r => r is not ComplexityValidationRule).ToList() : rules;
        }
        var result = await next(options);
        if (cached is null && result.Executed && result.Document is { } validated)
        {
            documents.Add(options.Query, validated);
        }
        return result;
    }
}
