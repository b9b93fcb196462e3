using MedQA.Kernel.GraphQL;
using GraphQL.Types;

namespace MedQA.Questions;

/// <summary>The asker of a question; the details are stored on the question row.</summary>
public sealed class AskerType : ObjectGraphType<Question>
{
    public AskerType()
    {
        Name = "Asker";
        Description = "The patient who asked, as the page shows them: never more than an alias, a gender and an age range.";
        Field<NonNullGraphType<StringGraphType>>("alias").Description("The name the asker chose to show (`Zoo`).")
            .ResolveSource(source => source.AskerAlias);
        Field<NonNullGraphType<GenderType>>("gender").Description("The asker's gender; UNSPECIFIED when the page does not say.")
            .ResolveSource(source => source.AskerGender);
        Field<AgeRangeType>("ageRange").Description("The asker's age bracket (`20~29`); null when the page does not say.")
            .Resolve(context => context.Source.AskerAgeMin is int min && context.Source.AskerAgeMax is int max
                ? new AgeRange(min, max)
                : null);
    }
}

public sealed record AgeRange(int Min, int Max);

public sealed class AgeRangeType : ObjectGraphType<AgeRange>
{
    public AgeRangeType()
    {
        Name = "AgeRange";
        Description = "An age bracket in years, both ends included.";
        Field<NonNullGraphType<IntGraphType>>("min").Description("The youngest age of the bracket.").ResolveSource(source => source.Min);
        Field<NonNullGraphType<IntGraphType>>("max").Description("The oldest age of the bracket.").ResolveSource(source => source.Max);
    }
}

public sealed class GenderType : EnumerationGraphType<Gender>
{
    public GenderType()
    {
        Name = "Gender";
        Description = "The asker's gender as the page states it.";
    }
}
