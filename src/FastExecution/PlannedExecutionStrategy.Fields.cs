using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace MedQA.FastExecution;

/// <summary>
/// Each object's fields collected once per selection and type instead of once per object: a list page of 20
/// questions collected the same selection for every question, reply and doctor (about 160 times a request, each into
/// a dictionary). A document with <c>@skip</c>/<c>@include</c> is collected as GraphQL.NET does it, since its fields
/// depend on the variables, and so is a selection in which GraphQL.NET merges fields.
/// </summary>
public sealed partial class PlannedExecutionStrategy
{
    private readonly ConditionalWeakTable<GraphQLDocument, object> _documentsWithDirectives = [];
    private readonly ConditionalWeakTable<GraphQLSelectionSet, Plans> _plans = [];

    protected override void SetSubFieldNodes(GraphQL.Execution.ExecutionContext context, ObjectExecutionNode parent)
    {
        var selection = parent.SelectionSet;
        if (selection is null || HasDirectives(context.Document))
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }
        var type = parent.GetObjectGraphType(context.Schema)!;
        var fields = _plans.GetOrCreateValue(selection).For(type, () => Collect(context, type, selection));
        if (fields is null)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }
        var nodes = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            nodes[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }
        parent.SubFields = nodes;
    }

    /// <summary>
    /// The fields of a selection for a type, or null when GraphQL.NET merged some (the same response key twice, with
    /// sub-selections): a merged field is a new node whose argument values GraphQL.NET records in the request's
    /// execution context, so it must be collected on every request.
    /// </summary>
    private (GraphQLField, FieldType)[]? Collect(GraphQL.Execution.ExecutionContext context, IObjectGraphType type, GraphQLSelectionSet selection)
    {
        var fields = CollectFieldsFrom(context, type, selection, null).Values;
        var written = Written(context.Document, selection, new HashSet<GraphQLField>(ReferenceEqualityComparer.Instance));
        return fields.All(f => written.Contains(f.field)) ? [.. fields] : null;
    }

    private static HashSet<GraphQLField> Written(GraphQLDocument document, GraphQLSelectionSet selection, HashSet<GraphQLField> fields)
    {
        foreach (var node in selection.Selections)
        {
            switch (node)
            {
                case GraphQLField field:
                    fields.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    Written(document, inline.SelectionSet, fields);
                    break;
                case GraphQLFragmentSpread spread when document.Definitions.OfType<GraphQLFragmentDefinition>()
                    .FirstOrDefault(d => d.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue) is { } fragment:
                    Written(document, fragment.SelectionSet, fields);
                    break;
            }
        }
        return fields;
    }

    private bool HasDirectives(GraphQLDocument document) =>
        _documentsWithDirectives.GetValue(document, d => AnyDirective(d)) is true;

    private static bool AnyDirective(ASTNode node) => node switch
    {
        IHasDirectivesNode { Directives.Count: > 0 } => true,
        GraphQLDocument document => document.Definitions.Any(AnyDirective),
        IHasSelectionSetNode { SelectionSet: { } set } => set.Selections.Any(AnyDirective),
        _ => false,
    };

    /// <summary>The collected fields of one selection set, by the object type they were collected for (null: merged).</summary>
    private sealed class Plans
    {
        private volatile KeyValuePair<IObjectGraphType, (GraphQLField, FieldType)[]?>[] _byType = [];

        public (GraphQLField Field, FieldType Definition)[]? For(IObjectGraphType type, Func<(GraphQLField, FieldType)[]?> collect)
        {
            foreach (var (known, fields) in _byType)
            {
                if (ReferenceEquals(known, type))
                {
                    return fields;
                }
            }
            var collected = collect();
            _byType = [.. _byType, KeyValuePair.Create(type, collected)]; // a lost race only collects twice
            return collected;
        }
    }
}
