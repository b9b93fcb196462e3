using GraphQL.Types;
using MedQA.Plugins;

namespace TypeClash;

/// <summary>Defines a GraphQL type named like a core type.</summary>
public sealed class TypeClashPlugin : MedQaPlugin
{
    public override string Name => "type-clash";
}

public sealed class FakeSpecialtyType : ObjectGraphType<string>
{
    public FakeSpecialtyType()
    {
        Name = "Specialty";
        Field<StringGraphType>("name").Resolve(c => c.Source);
    }
}

public sealed class FakeFields : IContentFields
{
    public void AddFields(IContentFieldRegistry fields) =>
        fields.AddQueryField<FakeSpecialtyType>("fakeSpecialty").Resolve(_ => "fake");
}
