using MedQA.Tests.Support;

namespace MedQA.Tests.Plugins;

public sealed class PluginSettingsTests
{
    [Fact]
    public async Task Disabling_a_plugin_removes_its_fields_and_lists_it_as_disabled()
    {
        using var factory = new MedQaFactory().WithSetting("MedQA:Plugins:causes-summary:Enabled", "false");

        var refused = await factory.QueryAsync("""{ question(slug: "facial-nerve-twitching") { causes { summary } } }""");
        var served = await factory.QueryAsync("""{ question(slug: "facial-nerve-twitching") { treatments { summary } enrichments { heading } } plugins { name status reason } }""");

        Assert.Contains("causes", refused["errors"]![0]!["message"]!.GetValue<string>());
        var data = served.Data();
        Assert.NotNull(data["question"]!["treatments"]);
        Assert.Single(data["question"]!["enrichments"]!.AsArray());
        var causes = data["plugins"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "causes-summary")!;
        Assert.Equal("DISABLED", causes["status"]!.GetValue<string>());
        Assert.Contains("Enabled=false", causes["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reimporting_a_page_replaces_what_the_plugin_stored()
    {
        using var factory = new EmptyMedQaFactory();
        var page = Pages.Minimal(title: "Headaches") + "\n\nMore Info\n\nIntro.\n\nCauses of Headaches\n1. Tension: Tight muscles.\n\n2. Dehydration: Too little water.\n";
        await factory.ImportAsync(page);

        await factory.ImportAsync(page.Replace("2. Dehydration: Too little water.", "2. Caffeine and Alcohol: Both, too much."));

        var causes = (await factory.QueryAsync("""{ question(slug: "headaches") { causes { summary items { title } } } }""")).Data()["question"]!["causes"]!;
        Assert.Equal("Common causes: tension and caffeine or alcohol.", causes["summary"]!.GetValue<string>());
        Assert.Equal(["Tension", "Caffeine and Alcohol"], causes["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
    }
}

public sealed class TestKitTests
{
    [Fact]
    public async Task The_test_kit_loads_a_plugin_by_path_with_its_settings_and_nothing_else()
    {
        var fixture = Support.RepositoryRoot.File("tests", "Fixtures", "ExternalHello", "bin", MedQaFactory.BuildConfiguration, "net10.0", "ExternalHello.dll");
        using var host = new MedQA.Plugins.Testing.MedQaPluginHost().WithPluginAssembly(fixture)
            .WithSetting("MedQA:Plugins:external-hello:Greeting", "Good morning");
        await host.ImportAsync(Pages.Minimal(title: "Kit page", specialty: "Orthopedics"));

        var body = await host.QueryAsync("""
            { plugins { name } question(slug: "kit-page") { hello { text } }
              specialty(slug: "orthopedics") { motto { summary plugin { name } } enrichments { heading } } }
            """);

        Assert.Equal(["external-hello"], body.Data()["plugins"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal("Good morning, question 1", body.Data()["question"]!["hello"]!["text"]!.GetValue<string>());
        Assert.Equal("Specialty 1 cares.", body.Data()["specialty"]!["motto"]!["summary"]!.GetValue<string>());
        Assert.Equal("Motto", Assert.Single(body.Data()["specialty"]!["enrichments"]!.AsArray())!["heading"]!.GetValue<string>());
        // Loaded as a deployed plugin is: in a load context of its own, not the gateway's (where it would see the
        // test's and the gateway's assemblies instead of its own dependencies).
        var contexts = System.Runtime.Loader.AssemblyLoadContext.All.Where(c => c.Assemblies.Any(a => a.Location == fixture)).ToList();
        Assert.NotEmpty(contexts);
        Assert.DoesNotContain(System.Runtime.Loader.AssemblyLoadContext.Default, contexts);
    }
}
