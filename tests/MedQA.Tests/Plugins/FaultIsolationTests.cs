using System.Text.Json.Nodes;
using MedQA.Tests.Support;

namespace MedQA.Tests.Plugins;

/// <summary>A broken plugin never takes the site down: at start it is left out with its reason; at run time it costs its own field.</summary>
public sealed class FaultIsolationTests(FaultyPluginsFactory factory) : IClassFixture<FaultyPluginsFactory>
{
    private async Task<JsonNode> PluginAsync(string name) =>
        (await factory.QueryAsync("{ plugins { name version status reason } }")).Data()["plugins"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == name)!;

    [Fact]
    public async Task An_assembly_that_cannot_load_is_failed_with_the_reason()
    {
        var broken = await PluginAsync("Broken");

        Assert.Equal("FAILED", broken["status"]!.GetValue<string>());
        Assert.StartsWith("the assembly cannot be loaded", broken["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_plugin_with_an_async_void_method_is_refused_at_load_with_that_reason()
    {
        var plugin = await PluginAsync("async-void");

        Assert.Equal("FAILED", plugin["status"]!.GetValue<string>());
        Assert.StartsWith("it has an async void method", plugin["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_registration_that_throws_is_failed_with_the_reason()
    {
        var plugin = await PluginAsync("throws-on-register");

        Assert.Equal("FAILED", plugin["status"]!.GetValue<string>());
        Assert.Equal("its registration threw an exception", plugin["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outside_Development_no_reason_shows_a_path_or_an_exception_type()
    {
        var reasons = (await factory.QueryAsync("{ plugins { reason } }")).Data()["plugins"]!.AsArray()
            .Select(p => p!["reason"]?.GetValue<string>()).OfType<string>().ToList();

        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason =>
        {
            Assert.DoesNotContain("/", reason);
            Assert.DoesNotContain("Exception", reason);
        });
    }

    [Fact]
    public async Task A_field_colliding_with_a_core_field_fails_the_plugin_naming_both_and_adds_none_of_its_fields()
    {
        var plugin = await PluginAsync("core-clash");
        var title = await factory.QueryAsync("""{ question(slug: "facial-nerve-twitching") { title } }""");
        var okField = await factory.QueryAsync("""{ question(slug: "facial-nerve-twitching") { okField } }""");

        Assert.Equal("FAILED", plugin["status"]!.GetValue<string>());
        Assert.Equal("its field Question.title collides with the core field Question.title", plugin["reason"]!.GetValue<string>());
        Assert.Equal("Facial nerve twitching", title.Data()["question"]!["title"]!.GetValue<string>());
        Assert.NotNull(okField["errors"]);
    }

    [Fact]
    public async Task A_field_colliding_with_another_plugins_field_fails_the_later_plugin_naming_both()
    {
        var plugin = await PluginAsync("plugin-clash");
        var causes = await factory.QueryAsync("""{ question(slug: "facial-nerve-twitching") { causes { plugin { name } } } }""");

        Assert.Equal("FAILED", plugin["status"]!.GetValue<string>());
        Assert.Equal("its field Question.causes collides with the field Question.causes of plugin 'causes-summary' (1.0.0)", plugin["reason"]!.GetValue<string>());
        Assert.Equal("causes-summary", causes.Data()["question"]!["causes"]!["plugin"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_type_named_like_a_core_type_fails_the_plugin()
    {
        var plugin = await PluginAsync("type-clash");

        Assert.Equal("FAILED", plugin["status"]!.GetValue<string>());
        Assert.Equal("its type Specialty collides with the core type Specialty", plugin["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_plugin_built_outside_the_solution_and_copied_in_is_loaded_with_its_own_types()
    {
        var body = await factory.QueryAsync("""{ externalPing question(slug: "facial-nerve-twitching") { hello { text contentId } } }""");

        Assert.Equal("ACTIVE", (await PluginAsync("external-hello"))["status"]!.GetValue<string>());
        Assert.Equal("pong", body.Data()["externalPing"]!.GetValue<string>());
        Assert.Equal("Hello, question 1", body.Data()["question"]!["hello"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_resolver_that_throws_gives_null_and_PLUGIN_FAILED_and_the_rest_of_the_response_stands()
    {
        var body = await factory.QueryAsync("""{ question(slug: "facial-nerve-twitching") { title failing causes { summary } } }""");

        var question = body["data"]!["question"]!;
        Assert.Equal("Facial nerve twitching", question["title"]!.GetValue<string>());
        Assert.NotNull(question["causes"]);
        Assert.Null(question["failing"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("PLUGIN_FAILED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("faulty", error["extensions"]!["plugin"]!.GetValue<string>());
        Assert.Equal(["question", "failing"], error["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.DoesNotContain("secret", error.ToJsonString());
        Assert.DoesNotContain("   at ", error.ToJsonString());
    }

    [Fact]
    public async Task A_resolver_slower_than_its_budget_is_cut_off_with_PLUGIN_TIMEOUT()
    {
        var body = await factory.QueryAsync("""{ question(slug: "facial-nerve-twitching") { title slow } }""");

        Assert.Equal("Facial nerve twitching", body["data"]!["question"]!["title"]!.GetValue<string>());
        Assert.Null(body["data"]!["question"]!["slow"]);
        Assert.Equal("PLUGIN_TIMEOUT", body.Code());
    }

    [Fact]
    public async Task A_failing_section_is_null_and_left_out_of_enrichments_with_an_error()
    {
        var body = await factory.QueryAsync("""{ question(slug: "facial-nerve-twitching") { flaky { summary } enrichments { __typename } } }""");

        var question = body["data"]!["question"]!;
        Assert.Null(question["flaky"]);
        Assert.Equal(["CausesSection", "TreatmentSection"], question["enrichments"]!.AsArray().Select(s => s!["__typename"]!.GetValue<string>()));
        Assert.Equal(2, body["errors"]!.AsArray().Count);
        Assert.All(body["errors"]!.AsArray(), e => Assert.Equal("PLUGIN_FAILED", e!["extensions"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_section_left_out_of_aliased_enrichments_is_reported_at_the_alias()
    {
        var body = await factory.QueryAsync("""{ q: question(slug: "facial-nerve-twitching") { sections: enrichments(plugins: ["faulty"]) { __typename } } }""");

        Assert.Empty(body["data"]!["q"]!["sections"]!.AsArray());
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(["q", "sections"], error["path"]!.AsArray().Select(p => p!.GetValue<string>()));
    }
}
