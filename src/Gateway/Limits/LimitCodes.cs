namespace MedQA.Gateway.Limits;

/// <summary>The codes of requests refused for what they would cost: always HTTP 400 (413 for the body), never run.</summary>
public static class LimitCodes
{
    public const string Complexity = "MAX_COMPLEXITY_EXCEEDED";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string Depth = "MAX_DEPTH_EXCEEDED";
    public const string Aliases = "MAX_ALIASES_EXCEEDED";
    public const string Fields = "MAX_FIELDS_EXCEEDED";
    public const string IntrospectionDepth = "MAX_INTROSPECTION_DEPTH_EXCEEDED";
    public const string ResponseTooLarge = "RESPONSE_TOO_LARGE";

    private static readonly string[] Codes = [Complexity, Depth, Aliases, Fields, IntrospectionDepth];

    /// <summary>Gives GraphQL.NET's complexity errors our stable code.</summary>
    public static void Normalize(GraphQL.ExecutionErrors? errors)
    {
        foreach (var error in errors ?? [])
        {
            if (error is GraphQL.Validation.Errors.Custom.ComplexityError)
            {
                error.Code = Complexity;
            }
        }
    }

    /// <summary>Whether an error refuses a request for what it would cost.</summary>
    public static bool IsLimit(GraphQL.ExecutionError error) => Codes.Contains(error.Code);
}
