using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace MedQA.Tests.Differential;

/// <summary>
/// Rewrites of a document that must not change what it answers (metamorphic relations): aliases on fields, the
/// selections moved into fragments, <c>@include(if: true)</c> on every field, or one field fewer (whose answer is
/// then the same answer without that key).
/// </summary>
public static class Rewrites
{
    public const string AliasPrefix = "m_";

    /// <summary>Up to <paramref name="most"/> unaliased fields (chosen at random) aliased <c>m_&lt;name&gt;</c>.</summary>
    public static string Aliased(string document, Random random, int most)
    {
        var parsed = Parse(document);
        var fields = Fields(parsed).Where(f => f.Alias is null && f.Name.StringValue != "__typename").ToList();
        foreach (var field in fields.OrderBy(_ => random.Next()).Take(most))
        {
            field.Alias = new GraphQLAlias(new GraphQLName(AliasPrefix + field.Name.StringValue));
        }
        return Print(parsed);
    }

    /// <summary>Every field's selections inside <c>... { }</c>, and the operation's inside a named fragment on Query.</summary>
    public static string InFragments(string document)
    {
        var parsed = Parse(document);
        foreach (var field in Fields(parsed).Where(f => f.SelectionSet is not null))
        {
            field.SelectionSet = new GraphQLSelectionSet([new GraphQLInlineFragment(field.SelectionSet!)]);
        }
        var operation = parsed.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var name = new GraphQLFragmentName(new GraphQLName("MetamorphicRoot"));
        parsed.Definitions.Add(new GraphQLFragmentDefinition(name, new GraphQLTypeCondition(new GraphQLNamedType(new GraphQLName("Query"))), operation.SelectionSet));
        operation.SelectionSet = new GraphQLSelectionSet([new GraphQLFragmentSpread(name)]);
        return Print(parsed);
    }

    /// <summary><c>@include(if: true)</c> on every field.</summary>
    public static string IncludedAlways(string document)
    {
        var parsed = Parse(document);
        var include = Fields(Parse("{ a @include(if: true) }")).Single().Directives!;
        foreach (var field in Fields(parsed))
        {
            field.Directives = new GraphQLDirectives([.. field.Directives?.Items ?? [], .. include.Items]);
        }
        return Print(parsed);
    }

    /// <summary>
    /// The document without one field (at random) that has siblings and uses no variable and no named fragment (whose
    /// removal would leave them unused); null when there is none.
    /// </summary>
    public static string? WithoutOneField(string document, Random random)
    {
        var parsed = Parse(document);
        var candidates = SelectionSets(parsed)
            .Where(set => set.Selections.Count > 1)
            .SelectMany(set => set.Selections.OfType<GraphQLField>().Where(f => !Print(f).Contains('$') && !System.Text.RegularExpressions.Regex.IsMatch(Print(f), @"\.\.\.\w")).Select(f => (Set: set, Field: f)))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var (owner, removed) = candidates[random.Next(candidates.Count)];
        owner.Selections.Remove(removed);
        return Print(parsed);
    }

    private static GraphQLDocument Parse(string document) => Parser.Parse(document, new ParserOptions { Ignore = IgnoreOptions.All });

    private static string Print(ASTNode node) => new SDLPrinter().Print(node);

    private static IEnumerable<GraphQLField> Fields(GraphQLDocument document) =>
        SelectionSets(document).SelectMany(set => set.Selections.OfType<GraphQLField>()).ToList();

    private static IEnumerable<GraphQLSelectionSet> SelectionSets(GraphQLDocument document)
    {
        var sets = new List<GraphQLSelectionSet>();
        void Walk(GraphQLSelectionSet? set)
        {
            if (set is null)
            {
                return;
            }
            sets.Add(set);
            foreach (var selection in set.Selections)
            {
                Walk((selection as IHasSelectionSetNode)?.SelectionSet);
            }
        }
        foreach (var definition in document.Definitions)
        {
            Walk((definition as IHasSelectionSetNode)?.SelectionSet);
        }
        return sets;
    }
}
