using MedQA.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Plugins;

/// <summary>
/// A plugin reads the content it extends through <c>IContentReader</c> (fixture <c>tests/Fixtures/ContentReading</c>:
/// <c>Question.echo</c> gives the title, and the replies as items). The oracle is the core fields of the same
/// question, asked through GraphQL.
/// </summary>
public sealed class ContentReaderTests(ContentReaderTests.Factory factory) : IClassFixture<ContentReaderTests.Factory>
{
    /// <summary>The fixture beside MedQA's own plugins, with a budget that a first, cold read (EF compiling its queries) fits in.</summary>
    public sealed class Factory : MedQA.Tests.Support.MedQaFactory
    {
        public Factory()
        {
            WithPluginsFolder(MedQA.Tests.Support.FixturePlugins.Folder(["ContentReading"]));
            WithSetting("MedQA:Plugins:TimeBudget", "00:00:10");
        }
    }

    private const string Echo = "echo { heading summary items { title detail } }";

    [Fact]
    public async Task A_plugin_reads_the_question_its_section_extends_as_the_core_fields_give_it()
    {
        var body = await factory.QueryAsync($$"""
            { question(slug: "facial-nerve-twitching") { title askedOn specialty { name } replies { body doctor { name } } article { sections { heading } } {{Echo}} } }
            """);

        var question = body["data"]!["question"]!;
        var echo = question["echo"]!;
        Assert.Equal(question["title"]!.GetValue<string>(), echo["heading"]!.GetValue<string>());
        Assert.Equal(
            $"asked {question["askedOn"]!.GetValue<string>()} in {question["specialty"]!["name"]!.GetValue<string>()}; {question["article"]!["sections"]!.AsArray().Count} article sections",
            echo["summary"]!.GetValue<string>());
        Assert.Equal(
            question["replies"]!.AsArray().Select(r => (r!["doctor"]!["name"]!.GetValue<string>(), r["body"]!.GetValue<string>())),
            echo["items"]!.AsArray().Select(i => (i!["title"]!.GetValue<string>(), i["detail"]!.GetValue<string>())));
        Assert.NotEmpty(echo["items"]!.AsArray());
    }

    [Fact]
    public async Task What_a_plugin_reads_does_not_depend_on_what_the_query_selects()
    {
        var alone = await factory.QueryAsync($$"""{ question(slug: "facial-nerve-twitching") { {{Echo}} } }""");
        var beside = await factory.QueryAsync($$"""{ question(slug: "facial-nerve-twitching") { title body replies { repliedOn } {{Echo}} } }""");
        var inList = await factory.QueryAsync($$"""{ questions(first: 5) { nodes { slug {{Echo}} } } }""");

        Assert.True(inList["errors"] is null, inList.ToJsonString());
        Assert.True(alone["errors"] is null, alone.ToJsonString());
        var echo = alone["data"]!["question"]!["echo"]!.ToJsonString();
        Assert.Equal(echo, beside["data"]!["question"]!["echo"]!.ToJsonString());
        Assert.Equal(echo, inList["data"]!["questions"]!["nodes"]!.AsArray().Single(n => n!["slug"]!.GetValue<string>() == "facial-nerve-twitching")!["echo"]!.ToJsonString());
    }

    [Fact]
    public async Task An_import_parser_sees_the_whole_page_its_section_is_on()
    {
        var body = await factory.QueryAsync("""
            { question(slug: "facial-nerve-twitching") {
                title headline body askedOn specialty { name } asker { alias gender ageRange { min max } }
                replies { body repliedOn doctor { name specialty { name } } } article { sections { heading } }
                pageContext { heading summary items { title detail } } } }
            """);

        var q = body["data"]!["question"]!;
        var context = q["pageContext"]!;
        var causes = q["article"]!["sections"]!.AsArray().Select(s => s!["heading"]!.GetValue<string>()).First(h => h.StartsWith("Causes", StringComparison.Ordinal));
        var asker = q["asker"]!;
        var gender = asker["gender"]!.GetValue<string>(); // the enum's GraphQL name, FEMALE
        Assert.Equal(
            $"{causes} | {q["title"]} | {q["headline"]} | {q["askedOn"]} | {q["specialty"]!["name"]} | {asker["alias"]} "
            + $"{char.ToUpperInvariant(gender[0])}{gender[1..].ToLowerInvariant()} {asker["ageRange"]?["min"]}-{asker["ageRange"]?["max"]}",
            context["heading"]!.GetValue<string>());
        Assert.Equal($"body {q["body"]!.GetValue<string>().Length}", context["summary"]!.GetValue<string>());
        Assert.Equal(
            [
                .. q["replies"]!.AsArray().Select(r => ("reply", $"{r!["doctor"]!["name"]} | {r["doctor"]!["specialty"]!["name"]} | {r["repliedOn"]} | {r["body"]}")),
                .. q["article"]!["sections"]!.AsArray().Select(s => ("section", s!["heading"]!.GetValue<string>())),
            ],
            context["items"]!.AsArray().Select(i => (i!["title"]!.GetValue<string>(), i["detail"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_backfill_gives_parsers_the_page_as_the_import_did()
    {
        var imported = await StoredAsync();

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.Set<PluginRecord>().Where(r => r.Plugin == "content-reading").ExecuteDeleteAsync();
        }
        var (_, values) = await factory.Services.GetRequiredService<MedQA.Gateway.Plugins.PluginBackfill>().RunAsync("content-reading");

        Assert.NotEmpty(imported);
        Assert.Equal(imported.Count, values);
        Assert.Equal(imported, await StoredAsync());
    }

    [Fact]
    public async Task A_batched_plugin_field_is_one_call_per_level_whatever_the_number_of_items()
    {
        await factory.ImportAsync([.. Enumerable.Range(1, 5).Select(i => MedQA.Tests.Support.Pages.Minimal(title: $"Batched field page {i}"))]);

        var body = await factory.QueryAsync("{ questions(first: 5) { nodes { title titleStats } } }");

        Assert.True(body["errors"] is null, body.ToJsonString());
        var nodes = body["data"]!["questions"]!["nodes"]!.AsArray();
        Assert.Equal(5, nodes.Count);
        var stats = nodes.Select(n => (Title: n!["title"]!.GetValue<string>(), Stats: n["titleStats"]!.GetValue<string>())).ToList();
        Assert.All(stats, s => Assert.StartsWith($"{s.Title.Length} characters; call ", s.Stats));
        // One call for the five, with their five keys.
        Assert.Single(stats.Select(s => s.Stats[s.Stats.IndexOf("call", StringComparison.Ordinal)..]).Distinct());
        Assert.All(stats, s => Assert.EndsWith(" with 5 keys", s.Stats));
    }

    private IDbContextFactory<MedQaDbContext> Contexts => factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>();

    private async Task<List<(int, string, string)>> StoredAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return (await db.Set<PluginRecord>().Where(r => r.Plugin == "content-reading").OrderBy(r => r.ContentId).ThenBy(r => r.Key)
            .Select(r => new { r.ContentId, r.Key, r.Json }).ToListAsync()).ConvertAll(r => (r.ContentId, r.Key, r.Json));
    }
}
