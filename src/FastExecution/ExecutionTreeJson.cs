using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using MedQA.FastExecution.Compiled;

namespace MedQA.FastExecution;

/// <summary>
/// Writes a result that has data and nothing else (no errors, no extensions) straight from GraphQL.NET's execution
/// tree or a compiled run's results (<see cref="PlanJson"/>), the bytes GraphQL.NET's System.Text.Json serializer
/// writes (MedQA uses its defaults): strings, booleans, integers and nulls are written directly, any other value
/// through that serializer. GraphQL.NET's converter hands every value to <see cref="JsonSerializer"/> as an object,
/// which looks its converter up each time: a list page writes about 250 values.
/// </summary>
public static class ExecutionTreeJson
{
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");

    public static bool CanWrite(ExecutionResult result) =>
        result is { Executed: true, Data: ExecutionNode or ResultObject } && result.Errors is not { Count: > 0 } && result.Extensions is not { Count: > 0 };

    public static void Write(IBufferWriter<byte> output, ExecutionResult result, IGraphQLTextSerializer values)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }); // written from a tree: always well-formed
        writer.WriteStartObject();
        writer.WritePropertyName(Data);
        Action<Utf8JsonWriter, object> other = (w, value) => w.WriteRawValue(values.Serialize(value), skipInputValidation: true);
        if (result.Data is ExecutionNode node)
        {
            Node(writer, node, other);
        }
        else
        {
            PlanJson.Write(writer, result.Data, other);
        }
        writer.WriteEndObject();
    }

    private static void Node(Utf8JsonWriter writer, ExecutionNode? node, Action<Utf8JsonWriter, object> other)
    {
        switch (node)
        {
            case ObjectExecutionNode { SubFields: { } fields }:
                writer.WriteStartObject();
                foreach (var field in fields)
                {
                    writer.WritePropertyName(field.Name!);
                    Node(writer, field, other);
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
                    Node(writer, item, other);
                }
                writer.WriteEndArray();
                break;
            case ArrayExecutionNode array:
                PlanJson.Write(writer, array.SerializedResult, other);
                break;
            default:
                PlanJson.Write(writer, node.ToValue(), other);
                break;
        }
    }
}
