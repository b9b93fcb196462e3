namespace MedQA.Gateway.Limits;

/// <summary>
/// Configuration section <c>MedQA:GraphQL</c>: what one request may cost before it is refused, and how queries run.
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "MedQA:GraphQL";

    /// <summary>The largest request body on the public endpoint (413 <c>PAYLOAD_TOO_LARGE</c> above it).</summary>
    public int MaxRequestBytes { get; set; } = 32 * 1024;

    /// <summary>The largest answer sent; a larger one is replaced by a <c>RESPONSE_TOO_LARGE</c> error.</summary>
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The deepest field nesting (<c>MAX_DEPTH_EXCEEDED</c>).</summary>
    public int MaxDepth { get; set; } = 10;

    /// <summary>The most aliases in one operation, fragments counted at every spread (<c>MAX_ALIASES_EXCEEDED</c>).</summary>
    public int MaxAliases { get; set; } = 15;

    /// <summary>
    /// The most fields in one operation as written, fragments counted at every spread (<c>MAX_FIELDS_EXCEEDED</c>):
    /// checked before GraphQL.NET's validation, whose rules walk a fragment again at every spread and compare
    /// same-named fields pairwise. The benchmark's question page selects 47.
    /// </summary>
    public int MaxFields { get; set; } = 1000;

    /// <summary>
    /// The complexity budget, computed before execution by GraphQL.NET's analyzer (<c>MAX_COMPLEXITY_EXCEEDED</c>):
    /// 1 per field, times <c>first</c>/<c>last</c> (or 10 for lists without them) for the fields below a list.
    /// Calibrated so the frontend examples and partner documents pass (the question page costs 250, the list page
    /// of 20 1,165, a 50-question list with replies, doctors and both plugin sections 3,606) and catalogue-wide
    /// fan-outs do not (every specialty's 50 questions with 20 similar each: 12,451).
    /// </summary>
    public int MaxComplexity { get; set; } = 5000;

    /// <summary>How many validation errors a refused document reports at most.</summary>
    public int MaxValidationErrors { get; set; } = 5;

    /// <summary>How long one request may execute.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether <c>__schema</c>/<c>__type</c> are answered; by default in Development only.</summary>
    public bool? Introspection { get; set; }

    /// <summary>Whether partner keys may introspect; off by default: partners run registered documents.</summary>
    public bool PartnerIntrospection { get; set; }

    /// <summary>
    /// Whether the public endpoint runs only first-party apps' registered documents (<c>documents add</c>): an ad-hoc
    /// query whose text is not registered is refused with <c>PERSISTED_QUERY_REQUIRED</c>.
    /// </summary>
    public bool TrustedDocumentsOnly { get; set; }

    /// <summary>How many validated documents are kept (0 turns the cache off).</summary>
    public int DocumentCacheSize { get; set; } = 1000;

    /// <summary>
    /// Whether queries run from compiled plans (the default) or always through GraphQL.NET's execution nodes. Both
    /// answer the same bytes; off is for comparing them.
    /// </summary>
    public bool CompiledExecution { get; set; } = true;

    /// <summary>
    /// Runs every request on stock GraphQL.NET and nothing of MedQA's fast layer: GraphQL.NET's document executer
    /// and parallel strategy, its validator on every request (no document cache), its serializer, and loaders that
    /// read whole rows whatever the query selects. Slower; it is the oracle the fast layer's answers are checked
    /// against, and a way to rule the fast layer out when an answer looks wrong.
    /// </summary>
    public bool ReferenceExecution { get; set; }
}
