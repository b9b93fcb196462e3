using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace MedQA.Gateway.Schema;

public static class SchemaExport
{
    /// <summary>The schema as SDL with descriptions: what <c>schema.graphql</c> at the repository root holds.</summary>
    public static string Print(ISchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";
}
