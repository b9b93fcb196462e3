using System.Text;
using GraphQL;
using System.Text.Json.Nodes;
using GraphQL.Types;

namespace MedQA.Tests.Differential;

/// <summary>A generated operation: its document, its variables, and the seed that makes it again.</summary>
public sealed record GeneratedOperation(int Seed, string Document, JsonObject Variables)
{
    public override string ToString() => $"seed {Seed}\n{Document}\nvariables: {Variables.ToJsonString()}";
}

/// <summary>
/// Builds random valid operations by walking the schema: random fields and arguments (values from
/// <see cref="ValuePools"/>), nested lists and connections, aliases (some named like other fields), named
/// fragments spread more than once, inline fragments, a field selected twice with different sub-selections,
/// <c>@include</c>/<c>@skip</c> with literals and variables, <c>__typename</c>, and the interfaces through inline
/// fragments on their types. The same seed gives the same operation. Operations stay mostly within MedQA's limits
/// (depth, aliases, complexity); those that do not are compared all the same (their errors must agree).
/// </summary>
public sealed partial class OperationGenerator(ISchema schema, ValuePools pools)
{
    /// <summary>Fields left out: a fixture plugin's field that waits out its time budget on every call.</summary>
    private static readonly HashSet<string> Excluded = ["slow"];

    private const int MaxDepth = 6;
    private const int MaxAliases = 12;
    private const int MaxListNesting = 2;

    public GeneratedOperation Generate(int seed) => new Build(schema, pools, new Random(seed)).Operation(seed);

    private sealed partial class Build(ISchema schema, ValuePools pools, Random random)
    {
        private readonly List<(string Name, IComplexGraphType Type, int Depth, string Text)> _fragments = [];
        private readonly Dictionary<string, string> _keys = []; // response key -> the field (name, arguments, type) it holds
        private readonly List<(string Name, string Type, JsonNode? Value)> _variables = [];
        private int _aliases;
        private int _fragmentNames;

        public GeneratedOperation Operation(int seed)
        {
            var selection = SelectionSet(schema.Query, depth: 0, lists: 0, root: true);
            var document = new StringBuilder();
            if (_variables.Count > 0 || random.Next(3) == 0)
            {
                document.Append("query Op").Append(seed);
                if (_variables.Count > 0)
                {
                    document.Append('(').AppendJoin(", ", _variables.Select(v => $"${v.Name}: {v.Type}")).Append(')');
                }
                document.Append(' ');
            }
            document.Append(selection);
            foreach (var fragment in _fragments)
            {
                document.Append("\nfragment ").Append(fragment.Name).Append(" on ").Append(fragment.Type.Name).Append(' ').Append(fragment.Text);
            }
            var variables = new JsonObject();
            foreach (var (name, _, value) in _variables)
            {
                variables[name] = value?.DeepClone();
            }
            return new GeneratedOperation(seed, document.ToString(), variables);
        }

        private string SelectionSet(IComplexGraphType type, int depth, int lists, bool root = false)
        {
            var parts = new List<string>();
            var count = root ? random.Next(1, 4) : random.Next(1, 5);
            for (var i = 0; i < count; i++)
            {
                var roll = random.NextDouble();
                var part = roll switch
                {
                    < 0.08 when !root => Spread(type, depth),
                    < 0.16 => InlineFragment(type, depth, lists),
                    < 0.22 when !root && _fragments.Count < 4 => NewFragment(type, depth, lists),
                    < 0.27 when !root => "__typename",
                    _ => null,
                };
                part ??= type is IObjectGraphType || (type is IInterfaceGraphType && random.Next(2) == 0)
                    ? Field(type, depth, lists)
                    : InlineFragment(type, depth, lists);
                if (part is not null)
                {
                    parts.Add(part);
                }
            }
            if (parts.Count == 0)
            {
                parts.Add(type is IObjectGraphType or IInterfaceGraphType ? ScalarOrTypename(type) : "__typename");
            }
            return "{ " + string.Join(" ", parts) + " }";
        }

        /// <summary>A fragment defined earlier on this type, no deeper than here (so a spread never goes past the depth it was made for).</summary>
        private string? Spread(IComplexGraphType type, int depth)
        {
            var fitting = _fragments.Where(f => f.Depth >= depth
                && (f.Type == type || (type is IAbstractGraphType abstractType && abstractType.PossibleTypes.Contains(f.Type)))).ToList();
            return fitting.Count == 0 ? null : "..." + fitting[random.Next(fitting.Count)].Name + Directive();
        }

        private string? NewFragment(IComplexGraphType type, int depth, int lists)
        {
            var on = Concrete(type) ?? type;
            var name = $"F{_fragmentNames++}"; // before the body, which may define fragments of its own
            var text = SelectionSet(on, depth, lists);
            _fragments.Add((name, on, depth, text));
            return "..." + name;
        }

        /// <summary><c>... on T { }</c> for a type the value can be (or the type itself), or <c>... { }</c>, sometimes with a directive.</summary>
        private string InlineFragment(IComplexGraphType type, int depth, int lists)
        {
            var on = Concrete(type) ?? type;
            var condition = on == type && random.Next(3) == 0 ? "" : $" on {on.Name}";
            return $"...{condition}{Directive()} {SelectionSet(on, depth, lists)}";
        }

        /// <summary>One of the object types an interface or union stands for; null for an object type.</summary>
        private IComplexGraphType? Concrete(IComplexGraphType type) => type is IAbstractGraphType abstractType && abstractType.PossibleTypes.Count > 0
            ? abstractType.PossibleTypes.ElementAt(random.Next(abstractType.PossibleTypes.Count))
            : null;

        private string ScalarOrTypename(IComplexGraphType type)
        {
            var scalars = type.Fields.Where(f => f.ResolvedType?.GetNamedType() is ScalarGraphType && !Required(f) && !Excluded.Contains(f.Name)).ToList();
            return scalars.Count == 0 ? "__typename" : Field(type, scalars[random.Next(scalars.Count)], MaxDepth, MaxListNesting) ?? "__typename";
        }

        private static bool Required(FieldType field) => field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType) == true;

        private string? Field(IComplexGraphType type, int depth, int lists)
        {
            var candidates = type.Fields.Where(f => !Excluded.Contains(f.Name) && Fits(f, depth, lists)).ToList();
            return candidates.Count == 0 ? null : Field(type, candidates[random.Next(candidates.Count)], depth, lists);
        }

        /// <summary>Whether a field may be selected here: below the depth limit, and not a third list inside lists.</summary>
        private static bool Fits(FieldType field, int depth, int lists)
        {
            var composite = field.ResolvedType?.GetNamedType() is IComplexGraphType;
            return !composite || (depth + 1 < MaxDepth && (lists + ListWeight(field) <= MaxListNesting));
        }

        private static int ListWeight(FieldType field) =>
            field.ResolvedType is ListGraphType or NonNullGraphType { ResolvedType: ListGraphType } || field.ResolvedType?.GetNamedType().Name.EndsWith("Connection", StringComparison.Ordinal) == true ? 1 : 0;
    }
}
