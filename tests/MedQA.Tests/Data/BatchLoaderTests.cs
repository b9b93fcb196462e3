using MedQA.Kernel.GraphQL;

namespace MedQA.Tests.Data;

/// <summary>The request-scoped batch loader on its own: batching, priming, and the values it resolves directly.</summary>
public sealed class BatchLoaderTests
{
    private readonly List<int[]> _fetches = [];

    private BatchLoader<int, string?> Loader() => new((keys, _) =>
    {
        _fetches.Add([.. keys]);
        return Task.FromResult<IReadOnlyDictionary<int, string?>>(keys.Where(k => k < 100).ToDictionary(k => k, k => (string?)$"v{k}"));
    }, null);

    [Fact]
    public async Task Keys_asked_for_before_the_first_result_is_awaited_are_fetched_together_and_once()
    {
        var loader = Loader();
        var one = loader.Load(1);
        var two = loader.Load(2);
        var oneAgain = loader.Load(1);

        Assert.Equal(new[] { "v1", "v2", "v1" }, new[] { await one.GetResultAsync(), await two.GetResultAsync(), await oneAgain.GetResultAsync() });
        Assert.Equal([1, 2], Assert.Single(_fetches));
    }

    [Fact]
    public async Task A_primed_key_resolves_to_its_value_without_a_fetch()
    {
        var loader = Loader();
        loader.Prime([KeyValuePair.Create(7, (string?)"primed")]);

        Assert.Equal("primed", loader.Resolve(7));
        Assert.Equal("primed", await loader.Load(7).GetResultAsync());
        Assert.Empty(_fetches);
    }

    [Fact]
    public async Task Priming_does_not_replace_a_key_already_asked_for_and_an_unprimed_key_stays_pending()
    {
        var loader = Loader();
        var pending = loader.Load(3);
        loader.Prime([KeyValuePair.Create(3, (string?)"primed")]);

        Assert.IsAssignableFrom<GraphQL.DataLoader.IDataLoaderResult>(loader.Resolve(4));
        Assert.Equal("v3", await pending.GetResultAsync());
        Assert.Null(await loader.Load(100).GetResultAsync()); // not found: the loader's missing value
    }
}
