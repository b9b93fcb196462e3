using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace MedQA.Gateway.Limits;

/// <summary>
/// Refuses operations that ask for too much as written, before any resolver runs: nested deeper than the limit, more
/// aliases, or more fields once fragments are expanded (<see cref="DocumentCost"/>: every spread counted, each
/// fragment walked once, so the check costs what the document's text costs however its fragments fan out).
/// </summary>
public sealed class DocumentCostRule(GraphQLLimits limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        foreach (var error in Errors(context.Document, context.Operation, limits))
        {
            context.ReportError(error);
        }
        return default;
    }

    /// <summary>The limits an operation goes past, as validation errors with their codes.</summary>
    public static IEnumerable<ValidationError> Errors(GraphQLDocument document, GraphQLOperationDefinition operation, GraphQLLimits limits)
    {
        var cost = DocumentCost.Of(document, operation);
        if (IntrospectionShape.OnlyIntrospects(document, operation))
        {
            // Introspection nests by the shape of types, not of data: bounded by a rule of its own instead of the depth limit.
            var shape = IntrospectionShape.Of(document, operation);
            if (shape.OfTypeChain > IntrospectionShape.MaxOfTypeChain)
            {
                yield return Error(document, operation, LimitCodes.IntrospectionDepth,
                    $"The introspection query nests ofType {shape.OfTypeChain} levels deep; at most {IntrospectionShape.MaxOfTypeChain} are allowed.");
            }
            if (shape.ListNesting > IntrospectionShape.MaxListNesting)
            {
                yield return Error(document, operation, LimitCodes.IntrospectionDepth,
                    $"The introspection query nests fields, inputFields, interfaces or possibleTypes {shape.ListNesting} levels deep; at most {IntrospectionShape.MaxListNesting} are allowed.");
            }
        }
        else if (cost.Depth > limits.MaxDepth)
        {
            yield return Error(document, operation, LimitCodes.Depth, $"The query is nested {cost.Depth} levels deep; at most {limits.MaxDepth} are allowed.");
        }
        if (cost.Aliases > limits.MaxAliases)
        {
            yield return Error(document, operation, LimitCodes.Aliases, $"The query uses {Count(cost.Aliases)} aliases (fragments counted at every spread); at most {limits.MaxAliases} are allowed.");
        }
        if (cost.Fields > limits.MaxFields)
        {
            yield return Error(document, operation, LimitCodes.Fields, $"The query selects {Count(cost.Fields)} fields (fragments counted at every spread); at most {limits.MaxFields} are allowed.");
        }
    }

    private static string Count(long value) => value >= DocumentCost.Saturated ? "more than 10^18" : value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static ValidationError Error(GraphQLDocument document, GraphQLOperationDefinition operation, string code, string message) =>
        new(document.Source, code, message, operation) { Code = code };
}

/// <summary>
/// GraphQL.NET's complexity analysis for data queries. A document that only introspects is bounded by
/// <see cref="IntrospectionShape"/> instead: graphql-js's full introspection query scores about 200,000 here, as
/// the analyzer multiplies every nested list (types, fields, args) by 10, however small the schema is.
/// </summary>
public sealed class DataComplexityRule(ComplexityOptions options) : ComplexityValidationRule(options)
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) =>
        IntrospectionShape.OnlyIntrospects(context.Document, context.Operation) ? default : base.GetPostNodeVisitorAsync(context);
}

/// <summary>
/// Refuses <c>__schema</c> and <c>__type</c> where introspection is off (<c>__typename</c> stays): the public
/// endpoint and partner keys each have their own setting.
/// </summary>
public sealed class NoIntrospectionRule(bool publicAllowed, bool partnersAllowed) : ValidationRuleBase
{
    public const string Code = "INTROSPECTION_DISABLED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var partner = context.UserContext.TryGetValue(Http.GraphQLHttpHandler.PartnerKey, out var value) && value is not null;
        return (partner ? partnersAllowed : publicAllowed) ? default : new(Visitor);
    }

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLField>((field, context) =>
    {
        var name = field.Name.StringValue;
        if (name is "__schema" or "__type")
        {
            context.ReportError(new ValidationError(context.Document.Source, Code,
                "Introspection is turned off for this caller; the schema is published at /schema.graphql.", field) { Code = Code });
        }
    });
}
