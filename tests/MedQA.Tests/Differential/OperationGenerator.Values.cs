using System.Text.Json;
using GraphQL;
using System.Text.Json.Nodes;
using GraphQL.Types;

namespace MedQA.Tests.Differential;

/// <summary>Fields with their arguments, directives, and argument values (as literals or as variables).</summary>
public sealed partial class OperationGenerator
{
    private sealed partial class Build
    {
        private readonly Dictionary<string, string> _lastArguments = [];

        private string? Field(IComplexGraphType type, FieldType field, int depth, int lists, HashSet<string> level)
        {
            // Sometimes the arguments this field had before, so the same field can be selected twice (merged).
            var arguments = !plain && _lastArguments.TryGetValue($"{type.Name}.{field.Name}", out var before) && random.Next(3) == 0
                ? before
                : Arguments(field);
            _lastArguments[$"{type.Name}.{field.Name}"] = arguments;
            var signature = $"{field.Name}{arguments}: {Print(field.ResolvedType!)}";
            string? alias = null;
            if (_aliases < MaxAliases && random.NextDouble() < 0.15)
            {
                var others = type.Fields.Where(f => f != field).Select(f => f.Name).ToList();
                alias = others.Count > 0 && random.Next(2) == 0 ? others[random.Next(others.Count)] : $"a{random.Next(4)}";
            }
            if (_keys.TryGetValue(alias ?? field.Name, out var held) && held != signature)
            {
                if (_aliases >= MaxAliases)
                {
                    return null;
                }
                alias = $"k{_keys.Count}";
            }
            if (!level.Add(alias ?? field.Name) && plain)
            {
                return null;
            }
            _keys[alias ?? field.Name] = signature;
            if (alias is not null)
            {
                _aliases++;
            }
            var selection = field.ResolvedType!.GetNamedType() is IComplexGraphType complex
                ? " " + SelectionSet(complex, depth + 1, lists + ListWeight(field))
                : "";
            return $"{(alias is null ? "" : alias + ": ")}{field.Name}{arguments}{Directive()}{selection}";
        }

        private string Arguments(FieldType field)
        {
            var given = new List<string>();
            var backward = random.Next(3) == 0; // first/after or last/before; both now and then (an error)
            var both = random.Next(25) == 0;
            foreach (var argument in field.Arguments ?? [])
            {
                var wrongWay = argument.Name is "first" or "after" ? backward : argument.Name is "last" or "before" && !backward;
                if ((argument.ResolvedType is not NonNullGraphType && random.Next(2) == 0) || (wrongWay && !both))
                {
                    continue;
                }
                var (literal, json) = Value(argument.ResolvedType!, argument.Name, field.Name);
                if (random.Next(5) == 0)
                {
                    var name = $"v{_variables.Count}";
                    _variables.Add((name, Print(argument.ResolvedType!), json));
                    literal = "$" + name;
                }
                given.Add($"{argument.Name}: {literal}");
            }
            return given.Count == 0 ? "" : $"({string.Join(", ", given)})";
        }

        private string Directive()
        {
            if (plain || random.Next(10) != 0)
            {
                return "";
            }
            var name = random.Next(2) == 0 ? "include" : "skip";
            var value = random.Next(2) == 0;
            if (random.Next(2) == 0)
            {
                return $" @{name}(if: {(value ? "true" : "false")})";
            }
            var variable = $"b{_variables.Count}";
            _variables.Add((variable, "Boolean!", JsonValue.Create(value)));
            return $" @{name}(if: ${variable})";
        }

        /// <summary>A value for an argument, as a GraphQL literal and as JSON (for a variable).</summary>
        private (string Literal, JsonNode? Json) Value(IGraphType type, string argument, string field)
        {
            switch (type)
            {
                case NonNullGraphType nonNull:
                    return Value(nonNull.ResolvedType!, argument, field);
                case ListGraphType list:
                    var items = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Value(list.ResolvedType!, argument, field)).ToList();
                    return ($"[{string.Join(", ", items.Select(i => i.Literal))}]", new JsonArray([.. items.Select(i => i.Json)]));
                case EnumerationGraphType enumeration:
                    var values = enumeration.Values.ToList();
                    var picked = values[random.Next(values.Count)].Name;
                    if (picked == "RELEVANCE" && random.Next(3) > 0)
                    {
                        picked = values[random.Next(values.Count)].Name; // it needs a text filter, mostly missing: less often
                    }
                    return (picked, JsonValue.Create(picked));
                case IInputObjectGraphType input:
                    var fields = input.Fields.Where(f => f.ResolvedType is NonNullGraphType || random.Next(3) == 0).ToList();
                    var parts = fields.Select(f => (f.Name, Value: Value(f.ResolvedType!, f.Name, field))).ToList();
                    var json = new JsonObject();
                    parts.ForEach(p => json[p.Name] = p.Value.Json);
                    return ($"{{ {string.Join(", ", parts.Select(p => $"{p.Name}: {p.Value.Literal}"))} }}", json);
                default:
                    return Scalar(type.Name, argument, field);
            }
        }

        private (string Literal, JsonNode? Json) Scalar(string type, string argument, string field)
        {
            object value = (argument, type) switch
            {
                ("first" or "last", _) => random.Next(20) == 0 ? (random.Next(2) == 0 ? 51 : -1) : random.Next(0, 5),
                ("after" or "before", _) => random.Next(15) == 0 ? Pick(pools.Cursors) : Pick(field == "search" ? pools.SearchCursors : pools.QuestionCursors),
                ("slug", _) when field == "specialty" => Pick(pools.SpecialtySlugs),
                ("slug", _) => random.Next(15) == 0 ? "no-such-question" : Pick(pools.QuestionSlugs),
                ("specialty", _) => Pick(pools.SpecialtySlugs),
                ("id", _) => random.Next(15) == 0 ? "not-an-id" : Pick(pools.NodeIds),
                ("doctor", _) => Pick(pools.DoctorIds),
                ("query" or "text", _) => Pick(pools.SearchTexts),
                ("plugins", _) => Pick(pools.PluginNames),
                (_, "Int") => random.Next(10, 60),
                (_, "Boolean") => random.Next(2) == 0,
                (_, "Date") => new DateOnly(2010 + random.Next(16), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd"),
                (_, "ID") => Pick(pools.NodeIds),
                _ => Pick(pools.SearchTexts),
            };
            return value switch
            {
                int number => (number.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonValue.Create(number)),
                bool flag => (flag ? "true" : "false", JsonValue.Create(flag)),
                _ => (JsonSerializer.Serialize((string)value), JsonValue.Create((string)value)),
            };
        }

        private string Pick(IReadOnlyList<string> values) => values[random.Next(values.Count)];

        private static string Print(IGraphType type) => type switch
        {
            NonNullGraphType nonNull => Print(nonNull.ResolvedType!) + "!",
            ListGraphType list => $"[{Print(list.ResolvedType!)}]",
            _ => type.Name,
        };
    }
}
