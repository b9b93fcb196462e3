using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Rules.Custom;
using MedQA.Gateway.Limits;

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
            // Validated before: only the rules that depend on the request (variables, caller) run again: the
            // complexity budget when a variable sets a page size, the introspection rule when the document introspects.
            options.ValidationRules = (options.CachedDocumentValidationRules ?? [])
                .Where(r => r switch
                {
                    ComplexityValidationRule => !cached.FixedCost,
                    NoIntrospectionRule => cached.Introspects,
                    _ => true,
                })
                .ToList();
        }
        var result = await next(options);
        if (cached is null && result.Executed && result.Document is { } validated)
        {
            documents.Add(options.Query, validated);
        }
        return result;
    }
}
