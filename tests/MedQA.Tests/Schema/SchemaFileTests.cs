using MedQA.Gateway.Schema;
using MedQA.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Schema;

public sealed class SchemaFileTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    [Fact]
    public void Schema_graphql_at_the_root_equals_the_served_schema()
    {
        var served = SchemaExport.Print(factory.Services.GetRequiredService<MedQaSchema>());
        var file = RepositoryRoot.File("schema.graphql");
        var committed = File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : "";

        Assert.True(served == committed,
            "schema.graphql differs from the served schema. Regenerate it with:\n" +
            "  dotnet run --project src/Gateway -- schema export schema.graphql");
    }

    [Fact]
    public void Every_type_and_field_has_a_description()
    {
        var schema = factory.Services.GetRequiredService<MedQaSchema>();
        schema.Initialize();
        var missing = schema.AllTypes
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not GraphQL.Types.ScalarGraphType { Name: "String" or "Int" or "Boolean" or "ID" or "Float" })
            .SelectMany(t => (t.Description is { Length: > 0 } ? [] : new[] { t.Name })
                .Concat(t is GraphQL.Types.IComplexGraphType complex
                    ? complex.Fields.Where(f => string.IsNullOrEmpty(f.Description)).Select(f => $"{t.Name}.{f.Name}")
                    : []))
            .ToList();

        Assert.Empty(missing);
    }
}
