using System.Text.Json.Nodes;
using MedQA.Plugins.Testing;
using MedQA.Tests.Support;

namespace MedQA.Tests.Plugins;

/// <summary>
/// What a start remembers about plugins, in the database. Clashes between plugins are decided by tenure: the plugin
/// that held a field or a type at the last start keeps it against a newcomer, even one whose name sorts first
/// (fixture <c>tests/Fixtures/EarlyClash</c>, the plugin <c>a-causes</c>, which wants <c>Question.causes</c>). And a
/// plugin active on a catalogue for the first time gets its values for the pages already imported.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // gateways restarted on one SQLite file
public sealed class PluginStartTests : IDisposable
{
    private readonly TempFolder _folder = new("medqa-tenure-");

    [Fact]
    public async Task A_newcomer_whose_name_sorts_first_does_not_take_a_field_its_holder_served()
    {
        var database = Database("held.db");
        using (var before = Host(database, FixturePlugins.Folder([])))
        {
            Assert.Equal("causes-summary", await CausesPluginAsync(before));
        }

        using var after = Host(database, FixturePlugins.Folder(["EarlyClash"]));

        Assert.Equal("causes-summary", await CausesPluginAsync(after));
        var newcomer = await PluginAsync(after, "a-causes");
        Assert.Equal("FAILED", newcomer["status"]!.GetValue<string>());
        Assert.StartsWith("its field Question.causes collides with the field Question.causes of plugin 'causes-summary', which has held it since ",
            newcomer["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ACTIVE", (await PluginAsync(after, "causes-summary"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task On_a_fresh_database_a_name_nobody_held_goes_to_the_plugin_whose_name_sorts_first_and_stays_its_own()
    {
        var database = Database("fresh.db");
        var plugins = FixturePlugins.Folder(["EarlyClash"]);
        using (var first = Host(database, plugins))
        {
            Assert.Equal("a-causes", await CausesPluginAsync(first));
            Assert.Equal("FAILED", (await PluginAsync(first, "causes-summary"))["status"]!.GetValue<string>());
        }

        // The same holder at the next start, though causes-summary is now the older plugin of the two by no measure.
        using var second = Host(database, plugins);
        Assert.Equal("a-causes", await CausesPluginAsync(second));
    }

    [Fact]
    public async Task A_plugin_giving_the_name_of_one_that_held_it_fails_whatever_its_folder_is_called()
    {
        var database = Database("impostor.db");
        using (var before = Host(database, FixturePlugins.Folder(["ExternalHello"])))
        {
            Assert.Equal("pong", (await before.QueryAsync("{ externalPing }"))["data"]!["externalPing"]!.GetValue<string>());
        }

        // The fixture AImpostor says it is external-hello too, from a folder that sorts first.
        using var after = Host(database, FixturePlugins.Folder(["ExternalHello", "AImpostor"]));

        Assert.Equal("pong", (await after.QueryAsync("{ externalPing }"))["data"]!["externalPing"]!.GetValue<string>());
        var named = (await after.QueryAsync("{ plugins { name status reason description } }"))["data"]!["plugins"]!.AsArray()
            .Where(p => p!["name"]!.GetValue<string>() == "external-hello").ToList();
        Assert.Equal(["ACTIVE", "FAILED"], named.Select(p => p!["status"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var impostor = named.Single(p => p!["status"]!.GetValue<string>() == "FAILED")!;
        Assert.Equal("Pretends to be external-hello.", impostor["description"]!.GetValue<string>());
        Assert.StartsWith("another plugin is named 'external-hello': the one in ExternalHello/ExternalHello.dll has held the name since ",
            impostor["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_fresh_database_a_name_two_plugins_give_goes_to_the_first_folder_and_stays_its_own()
    {
        var database = Database("twins.db");
        var plugins = FixturePlugins.Folder(["ExternalHello", "AImpostor"]);
        using (var first = Host(database, plugins))
        {
            Assert.Equal("impostor", (await first.QueryAsync("{ externalPing }"))["data"]!["externalPing"]!.GetValue<string>());
        }
        using var second = Host(database, plugins);
        Assert.Equal("impostor", (await second.QueryAsync("{ externalPing }"))["data"]!["externalPing"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_plugin_installed_on_a_catalogue_with_pages_serves_them_from_its_first_start()
    {
        var database = Database("installed.db");
        var none = Directory.CreateDirectory(_folder.File("no-plugins")).FullName;
        using (var before = Host(database, none)) // the sample page imported with no plugin installed
        {
            var body = await before.QueryAsync("{ plugins { name } }");
            Assert.Empty(body["data"]!["plugins"]!.AsArray());
        }

        using var after = Host(database, FixturePlugins.Folder([]));

        var question = (await after.QueryAsync("""{ question(slug: "facial-nerve-twitching") { causes { summary } treatments { summary } } }"""))["data"]!["question"]!;
        Assert.StartsWith("Common causes", question["causes"]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(question["treatments"]);
    }

    private string Database(string name) => $"Data Source={_folder.File(name)};Pooling=False";

    private static MedQaPluginHost Host(string database, string plugins) =>
        new MedQaFactory().WithPluginsFolder(plugins).WithSetting("ConnectionStrings:MedQA", database);

    private static async Task<string> CausesPluginAsync(MedQaPluginHost host)
    {
        var body = await host.QueryAsync("""{ question(slug: "facial-nerve-twitching") { causes { plugin { name } } } }""");
        return body["data"]!["question"]!["causes"]!["plugin"]!["name"]!.GetValue<string>();
    }

    private static async Task<JsonNode> PluginAsync(MedQaPluginHost host, string name)
    {
        var body = await host.QueryAsync("{ plugins { name status reason } }");
        return body["data"]!["plugins"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!;
    }

    public void Dispose() => _folder.Dispose();
}
