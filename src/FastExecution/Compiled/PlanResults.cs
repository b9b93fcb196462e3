using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedQA.FastExecution.Compiled;

/// <summary>
/// An object in a compiled execution's result: its selection's values in response order, and where it sits in the
/// response (the field, and the list index, of the object that holds it), from which paths are made when asked.
/// </summary>
[JsonConverter(typeof(PlanResultConverter))]
internal sealed class ResultObject(PlanSelection selection, object? source, ResultObject? owner, int ownerField, int index)
{
    private static readonly object?[] Numbers = [.. Enumerable.Range(0, 16).Select(i => (object)i)];

    public PlanSelection Selection { get; } = selection;

    public object? Source { get; } = source;

    public object?[] Values { get; } = new object?[selection.Fields.Length];

    public ResultObject? Owner { get; } = owner;

    /// <summary>The item's index in the list its owner's field holds; -1 when that field is not a list.</summary>
    public int Index { get; } = index;

    public PlanField? OwnerField => Owner?.Selection.Fields[ownerField];

    /// <summary>What the owner's field holds: this object, or the list this object is an item of.</summary>
    public object? OwnerValue => Owner?.Values[ownerField];

    /// <summary>
    /// The path of a field of this object (or of this object itself: null), by response keys (aliases) or by field
    /// names, as GraphQL.NET makes it.
    /// </summary>
    public object[] PathOf(PlanField? field, bool responseKeys)
    {
        var segments = new List<object>();
        for (var at = this; at.Owner is { } holder; at = holder)
        {
            if (at.Index >= 0)
            {
                segments.Add(at.Index < Numbers.Length ? Numbers[at.Index]! : at.Index);
            }
            segments.Add(Key(at.OwnerField!, responseKeys));
        }
        segments.Reverse();
        if (field is not null)
        {
            segments.Add(Key(field, responseKeys));
        }
        return [.. segments];
    }

    private static string Key(PlanField field, bool responseKeys) => responseKeys ? field.ResponseKey : field.Definition.Name;
}

/// <summary>A list in a compiled execution's result, and the value its resolver returned.</summary>
[JsonConverter(typeof(PlanResultConverter))]
internal sealed class ResultList(object?[] items, object resolved)
{
    public object?[] Items { get; } = items;

    public object Resolved { get; } = resolved;
}

/// <summary>
/// Writes compiled results as JSON, GraphQL.NET's bytes for the same data: strings, booleans, integers and nulls
/// directly, any other value through <c>other</c> (GraphQL.NET's serializer).
/// </summary>
internal static class PlanJson
{
    public static void Write(Utf8JsonWriter writer, object? value, Action<Utf8JsonWriter, object> other)
    {
        switch (value)
        {
            case ResultObject result:
                writer.WriteStartObject();
                var fields = result.Selection.Fields;
                for (var i = 0; i < fields.Length; i++)
                {
                    writer.WritePropertyName(fields[i].Name);
                    Write(writer, result.Values[i], other);
                }
                writer.WriteEndObject();
                break;
            case ResultList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Write(writer, item, other);
                }
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            default:
                other(writer, value);
                break;
        }
    }
}

/// <summary>So a result serializes through GraphQL.NET's own serializer too (in-process executions, tests).</summary>
internal sealed class PlanResultConverter : JsonConverter<object>
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(ResultObject) || typeToConvert == typeof(ResultList);

    public override object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Results are written, never read.");

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) =>
        PlanJson.Write(writer, value, (w, v) => JsonSerializer.Serialize(w, v, options));
}
