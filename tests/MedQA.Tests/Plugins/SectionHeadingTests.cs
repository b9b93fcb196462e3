using MedQA.Plugins;
using MedQA.Tests.Support;

namespace MedQA.Tests.Plugins;

/// <summary>
/// Site pages head the same section several ways: the shipped plugins claim the usual variants (a "Possible Causes"
/// section with numbered items was stored as a plain section, and <c>causes</c> was null), and keep the heading as
/// written.
/// </summary>
public sealed class SectionHeadingTests(EmptyMedQaFactory factory) : IClassFixture<EmptyMedQaFactory>
{
    [Theory]
    [InlineData("Possible Causes", "How to Treat Knee Pain")]
    [InlineData("What Causes Knee Pain?", "Treating Knee Pain")]
    [InlineData("Common Causes", "Treatments")]
    public async Task The_usual_heading_variants_are_claimed_and_kept_as_written(string causes, string treatments)
    {
        var slug = $"knee-pain-{causes.Length}-{treatments.Length}";
        var page = Pages.Minimal(title: slug.Replace('-', ' ')) + $"""


            More Info

            Knee pain has many sources.

            {causes}
            1. Strain: Too much load.

            2. Injury: A fall.

            {treatments}
            1. Rest: A week off.

            2. Physical Therapy: Exercises.
            """;
        await factory.ImportAsync(page);

        var question = (await factory.QueryAsync($$"""{ question(slug: "{{slug}}") { causes { heading items { title } } treatments { heading items { title } } } }""")).Data()["question"]!;

        Assert.Equal(causes, question["causes"]!["heading"]!.GetValue<string>());
        Assert.Equal(["Strain", "Injury"], question["causes"]!["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
        Assert.Equal(treatments, question["treatments"]!["heading"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Causes of Headache", true)]
    [InlineData("causes", true)]
    [InlineData("Causeshop opening hours", false)]
    [InlineData("Symptoms", false)]
    public void A_heading_start_matches_whole_words_ignoring_case(string heading, bool claimed) =>
        Assert.Equal(claimed, SectionHeadings.Match(heading, ["Causes"]));
}
