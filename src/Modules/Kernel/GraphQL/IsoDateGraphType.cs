using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace MedQA.Kernel.GraphQL;

/// <summary>A calendar date without time or zone, written ISO 8601 <c>YYYY-MM-DD</c>.</summary>
public sealed class IsoDateGraphType : ScalarGraphType
{
    private const string Format = "yyyy-MM-dd";

    public IsoDateGraphType()
    {
        Name = "Date";
        Description = "A calendar date without time or time zone, as ISO 8601 `YYYY-MM-DD` (for example `2015-08-26`).";
        this.ApplyDirective(SpecifiedByDirective.DirectiveName, "url", "https://www.rfc-editor.org/rfc/rfc3339#section-5.6");
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => ParseValue((string)text.Value),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateOnly date => date,
        string text when DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly date => Write(date),
        _ => ThrowSerializationError(value),
    };

    /// <summary><c>YYYY-MM-DD</c>: .NET's round-trip format for a date, written without parsing a format string.</summary>
    public static string Write(DateOnly date) => date.ToString("O", CultureInfo.InvariantCulture);
}
