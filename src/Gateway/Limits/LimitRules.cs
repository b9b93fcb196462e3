using GraphQL.Validation;
using GraphQLParser.AST;

namespace MedQA.Gateway.Limits;

/// <summary>Refuses documents nested deeper than the limit (fragments followed), before any resolver runs.</summary>
public sealed class MaxDepthRule(int maxDepth) : ValidationRuleBase
{
    public const string Code = "MAX_DEPTH_EXCEEDED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var depth = Depth(context.Operation.SelectionSet, context.Document, 0, []);
        if (depth > maxDepth)
        {
            context.ReportError(new ValidationError(context.Document.Source, Code,
                $"The query is nested {depth} levels deep; at most {maxDepth} are allowed.", context.Operation) { Code = Code });
        }
        return default;
    }

    private static int Depth(GraphQLSelectionSet? selections, GraphQLDocument document, int depth, HashSet<string> fragments)
    {
        if (selections is null)
        {
            return depth;
        }
        var deepest = depth;
        foreach (var selection in selections.Selections)
        {
            deepest = Math.Max(deepest, selection switch
            {
                GraphQLField field => Depth(field.SelectionSet, document, depth + 1, fragments),
                GraphQLInlineFragment inline => Depth(inline.SelectionSet, document, depth, fragments),
                GraphQLFragmentSpread spread when fragments.Add(spread.FragmentName.Name.StringValue) =>
                    Depth(document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue)?.SelectionSet, document, depth, fragments),
                _ => depth,
            });
        }
        return deepest;
    }
}

/// <summary>Refuses operations with more aliases than the limit (alias batching multiplies cost).</summary>
public sealed class MaxAliasesRule(int maxAliases) : ValidationRuleBase
{
    public const string Code = "MAX_ALIASES_EXCEEDED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var aliases = context.Document.Definitions.Where(d => d is GraphQLFragmentDefinition || d == context.Operation)
            .Sum(d => Count(d is GraphQLOperationDefinition o ? o.SelectionSet : ((GraphQLFragmentDefinition)d).SelectionSet));
        if (aliases > maxAliases)
        {
            context.ReportError(new ValidationError(context.Document.Source, Code,
                $"The query uses {aliases} aliases; at most {maxAliases} are allowed.", context.Operation) { Code = Code });
        }
        return default;
    }

    private static int Count(GraphQLSelectionSet? selections) => selections?.Selections.Sum(s => s switch
    {
        GraphQLField field => (field.Alias is null ? 0 : 1) + Count(field.SelectionSet),
        GraphQLInlineFragment inline => Count(inline.SelectionSet),
        _ => 0,
    }) ?? 0;
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
