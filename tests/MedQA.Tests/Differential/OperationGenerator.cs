using System.Text;
using GraphQL;
using System.Text.Json.Nodes;
using GraphQL.Types;

namespace MedQA.Tests.Differential;

/// <summary>A generated operation: its document, its variables, and the seed that makes it again.</summary>
public sealed record GeneratedOperation(int Seed, string Document, JsonObject Variables, bool Plain)
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
    /// <summary>
    /// Fields left out: fixture plugins' fields that block or wait (out their time budget), and a plugin's
    /// health, which counts calls as they happen (each execution changes what the next one reads).
    /// </summary>
    private static readonly HashSet<string> Excluded = ["slow", "stall", "spin", "pause", "health"];

    private const int MaxDepth = 6;
    private const int MaxAliases = 9; // written; a fragment's count again at every further spread (limit 15)
    private const int MaxListNesting = 2;

    public GeneratedOperation Generate(int seed)
    {
        var random = new Random(seed);
        return new Build(schema, pools, random, plain: random.Next(5) < 2).Operation(seed);
    }

    /// <summary>
    /// One operation. A plain one (two in five) has no directives or interfaces: what MedQA runs
    /// from a compiled plan, which the rest would mostly not reach.
    /// </summary>
    private sealed partial class Build(ISchema schema, ValuePools pools, Random random, bool plain)
    {
        private readonly List<(string Name, IComplexGraphType Type, int Depth, string Text, HashSet<string> Keys)> _fragments = [];
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
            return new GeneratedOperation(seed, document.ToString(), variables, plain);
        }

        /// <summary>
        /// A selection set. <paramref name="level"/> holds the response keys already selected at this level (by
        /// fields, inline fragments and spreads): a plain operation never selects a key twice at one level, since
        /// GraphQL.NET merges such fields and a merged field is not compiled.
        /// </summary>
        private string SelectionSet(IComplexGraphType type, int depth, int lists, bool root = false, HashSet<string>? level = null)
        {
            level ??= [];
            var parts = new List<string>();
            var count = root ? random.Next(1, 4) : random.Next(1, 5);
            for (var i = 0; i < count; i++)
            {
                var roll = random.NextDouble();
                var part = roll switch
                {
                    < 0.08 when !root => Spread(type, depth, level),
                    < 0.16 => InlineFragment(type, depth, lists, level),
                    < 0.22 when !root && _fragments.Count < 4 => NewFragment(type, depth, lists, level),
                    < 0.27 when !root && (!plain || level.Add("__typename")) => "__typename",
                    _ => null,
                };
                part ??= type is IObjectGraphType || (type is IInterfaceGraphType && random.Next(2) == 0)
                    ? Field(type, depth, lists, level)
                    : InlineFragment(type, depth, lists, level);
                if (part is not null)
                {
                    parts.Add(part);
                }
            }
            if (parts.Count == 0)
            {
                parts.Add(type is IObjectGraphType or IInterfaceGraphType ? ScalarOrTypename(type, level) : "__typename");
            }
            return "{ " + string.Join(" ", parts) + " }";
        }

        /// <summary>A fragment defined earlier on this type, no deeper than here (so a spread never goes past the depth it was made for).</summary>
        private string? Spread(IComplexGraphType type, int depth, HashSet<string> level)
        {
            var fitting = _fragments.Where(f => f.Depth >= depth && (!plain || !f.Keys.Overlaps(level))
                && (f.Type == type || (type is IAbstractGraphType abstractType && abstractType.PossibleTypes.Contains(f.Type)))).ToList();
            if (fitting.Count == 0)
            {
                return null;
            }
            var fragment = fitting[random.Next(fitting.Count)];
            level.UnionWith(fragment.Keys);
            return "..." + fragment.Name + Directive();
        }

        private string? NewFragment(IComplexGraphType type, int depth, int lists, HashSet<string> level)
        {
            var on = Concrete(type) ?? type;
            var name = $"F{_fragmentNames++}"; // before the body, which may define fragments of its own
            var keys = new HashSet<string>(level);
            var text = SelectionSet(on, depth, lists, level: keys);
            keys.ExceptWith(level);
            _fragments.Add((name, on, depth, text, keys));
            level.UnionWith(keys);
            return "..." + name;
        }

        /// <summary><c>... on T { }</c> for a type the value can be (or the type itself), or <c>... { }</c>, sometimes with a directive.</summary>
        private string InlineFragment(IComplexGraphType type, int depth, int lists, HashSet<string> level)
        {
            var on = Concrete(type) ?? type;
            var condition = on == type && random.Next(3) == 0 ? "" : $" on {on.Name}";
            return $"...{condition}{Directive()} {SelectionSet(on, depth, lists, level: level)}";
        }

        /// <summary>One of the object types an interface or union stands for; null for an object type.</summary>
        private IComplexGraphType? Concrete(IComplexGraphType type) => type is IAbstractGraphType abstractType && abstractType.PossibleTypes.Count > 0
            ? abstractType.PossibleTypes.ElementAt(random.Next(abstractType.PossibleTypes.Count))
            : null;

        private string ScalarOrTypename(IComplexGraphType type, HashSet<string> level)
        {
            var scalars = type.Fields.Where(f => f.ResolvedType?.GetNamedType() is ScalarGraphType && !Required(f) && !Excluded.Contains(f.Name)).ToList();
            return scalars.Count == 0 ? "__typename" : Field(type, scalars[random.Next(scalars.Count)], MaxDepth, MaxListNesting, level) ?? "__typename";
        }

        private static bool Plannable(FieldType field) =>
            field.ResolvedType!.GetNamedType() is not IAbstractGraphType;

        private static bool Required(FieldType field) => field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType) == true;

        private string? Field(IComplexGraphType type, int depth, int lists, HashSet<string> level)
        {
            var candidates = type.Fields.Where(f => !Excluded.Contains(f.Name) && Fits(f, depth, lists)
                && (!plain || (Plannable(f) && !level.Contains(f.Name)))).ToList();
            return candidates.Count == 0 ? null : Field(type, candidates[random.Next(candidates.Count)], depth, lists, level);
        }

        /// <summary>
        /// Whether a field may be selected here: below the depth limit, not a third list inside lists, and a list as
        /// long as the catalogue's specialties, doctors or FAQ topics only outside other lists (inside them an answer
        /// runs to megabytes, which tests nothing more and slows the suite).
        /// </summary>
        private static bool Fits(FieldType field, int depth, int lists)
        {
            var composite = field.ResolvedType?.GetNamedType() is IComplexGraphType;
            return !composite || (depth + 1 < MaxDepth && lists + ListWeight(field) <= MaxListNesting
                && !(lists > 0 && field.Name is "specialties" or "doctors" or "faqs"));
        }

        private static int ListWeight(FieldType field) =>
            field.ResolvedType is ListGraphType or NonNullGraphType { ResolvedType: ListGraphType } || field.ResolvedType?.GetNamedType().Name.EndsWith("Connection", StringComparison.Ordinal) == true ? 1 : 0;
    }
}
