using MedQA.Tests.Support;

namespace MedQA.Tests.Plugins;

/// <summary>The causes and treatment-summary plugins on the seed page, loaded from the plugins folder.</summary>
public sealed class ShippedPluginTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    [Fact]
    public async Task The_seed_page_has_five_causes_with_titles_and_a_summary()
    {
        var causes = (await factory.QueryAsync("""{ question(slug: "facial-nerve-twitching") { causes { heading summary items { title detail } plugin { name version } } } }"""))
            .Data()["question"]!["causes"]!;

        Assert.Equal("Causes of Facial Nerve Twitches", causes["heading"]!.GetValue<string>());
        Assert.Equal(
            "Common causes: nerve irritation or damage, neurological conditions, vascular compression, stress and fatigue, and medications or substances.",
            causes["summary"]!.GetValue<string>());
        Assert.Equal(
            ["Nerve Irritation or Damage", "Neurological Conditions", "Vascular Compression", "Stress and Fatigue", "Medications and Substances"],
            causes["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
        Assert.StartsWith("Sometimes, blood vessels can press against the facial nerve", causes["items"]![2]!["detail"]!.GetValue<string>());
        Assert.Equal("causes-summary", causes["plugin"]!["name"]!.GetValue<string>());
        Assert.Equal("1.0.0", causes["plugin"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_seed_page_has_six_treatments_with_a_summary()
    {
        var treatments = (await factory.QueryAsync("""{ question(slug: "facial-nerve-twitching") { treatments { heading summary items { title } } } }"""))
            .Data()["question"]!["treatments"]!;

        Assert.Equal("Treatment Options", treatments["heading"]!.GetValue<string>());
        Assert.Equal(
            "Treatment options: medical evaluation, medications, physical therapy, stress management, surgical options, and lifestyle modifications.",
            treatments["summary"]!.GetValue<string>());
        Assert.Equal(6, treatments["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Enrichments_lists_every_section_with_its_lineage_and_can_be_narrowed_to_one_plugin()
    {
        var body = await factory.QueryAsync("""
            { question(slug: "facial-nerve-twitching") {
                all: enrichments { __typename heading plugin { name } }
                one: enrichments(plugins: ["treatment-summary"]) { ... on TreatmentSection { summary } }
            } }
            """);

        var question = body.Data()["question"]!;
        Assert.Equal(["CausesSection", "TreatmentSection"], question["all"]!.AsArray().Select(s => s!["__typename"]!.GetValue<string>()));
        Assert.Equal(["causes-summary", "treatment-summary"], question["all"]!.AsArray().Select(s => s!["plugin"]!["name"]!.GetValue<string>()));
        Assert.StartsWith("Treatment options: ", Assert.Single(question["one"]!.AsArray())!["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_question_without_those_sections_gets_null_and_no_entries_not_an_error()
    {
        await factory.ImportAsync(Pages.Minimal(title: "No article here"));

        var question = (await factory.QueryAsync("""{ question(slug: "no-article-here") { causes { summary } treatments { summary } enrichments { heading } } }"""))
            .Data()["question"]!;

        Assert.Null(question["causes"]);
        Assert.Null(question["treatments"]);
        Assert.Empty(question["enrichments"]!.AsArray());
    }

    [Fact]
    public async Task Both_plugins_are_listed_as_active()
    {
        var plugins = (await factory.QueryAsync("{ plugins { name version status reason } }")).Data()["plugins"]!.AsArray();

        Assert.Equal(["causes-summary", "treatment-summary"], plugins.Select(p => p!["name"]!.GetValue<string>()));
        Assert.All(plugins, p => Assert.Equal("ACTIVE", p!["status"]!.GetValue<string>()));
        Assert.All(plugins, p => Assert.Null(p!["reason"]));
    }
}
