using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;

namespace MedQA.Gateway.Http;

/// <summary>
/// Writes a result that has data and nothing else (no errors, no extensions) straight from GraphQL.NET's execution
/// tree, the bytes GraphQL.NET's System.Text.Json serializer writes (MedQA uses its defaults): strings, booleans,
/// integers and nulls are written directly, any other value through that serializer. GraphQL.NET's converter hands
/// every value to <see cref="JsonSerializer"/> as an object, which looks its converter up each time: a list page
/// writes about 250 values.
/// </summary>
public static class ExecutionTreeJson
{
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");

    public static bool CanWrite(ExecutionResult result) =>
        result is { Executed: true, Data: ExecutionNode } && result.Errors is not { Count: > 0 } && result.Extensions is not { Count: > 0 };

    public static void Write(IBufferWriter<byte> output, ExecutionResult result, IGraphQLTextSerializer values)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WritePropertyName(Data);
        Node(writer, (ExecutionNode)result.Data!, values);
        writer.WriteEndObject();
    }

    private static void Node(Utf8JsonWriter writer, ExecutionNode? node, IGraphQLTextSerializer values)
    {
        switch (node)
        {
            case ObjectExecutionNode { SubFields: { } fields }:
                writer.WriteStartObject();
                foreach (var field in fields)
                {
                    writer.WritePropertyName(field.Name!);
                    Node(writer, field, values);
                }
                writer.WriteEndObject();
                break;
            case ObjectExecutionNode or NullExecutionNode or null:
                writer.WriteNullValue();
                break;
            case ArrayExecutionNode { Items: { } items }:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Node(writer, item, values);
                }
                writer.WriteEndArray();
                break;
            case ArrayExecutionNode array:
                Value(writer, array.SerializedResult, values);
                break;
            default:
                Value(writer, node.ToValue(), values);
                break;
        }
    }

    private static void Value(Utf8JsonWriter writer, object? value, IGraphQLTextSerializer values)
    {
        switch (value)
        {
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
                writer.WriteRawValue(values.Serialize(value), skipInputValidation: true);
                break;
        }
    }
}
