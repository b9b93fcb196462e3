using System.Net;
using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>
/// Cacheable GET answers are kept for their max-age: the same request again runs no SQL and gets the same bytes and
/// ETag; an import drops them; POSTs, errors and other callers or variables are never answered from another's copy.
/// </summary>
public sealed class AnswerCacheTests : IDisposable
{
    private readonly EmptyMedQaFactory _factory = new();

    private static string Get(string query, string? variables = null) =>
        "/graphql?query=" + Uri.EscapeDataString(query) + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(variables));

    [Fact]
    public async Task The_same_GET_again_is_answered_from_the_cache_without_SQL()
    {
        await _factory.ImportAsync(Pages.Minimal(title: "Knee pain"));
        var client = _factory.CreateClient();
        var url = Get("""query($slug: String!) { question(slug: $slug) { title replies { body } } }""", """{"slug":"knee-pain"}""");
        var first = await client.GetAsync(url);
        var firstBody = await first.Content.ReadAsStringAsync();
        _factory.Sql.Reset();

        var second = await client.GetAsync(url);

        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal("public, max-age=60", second.Headers.CacheControl!.ToString());
        Assert.Empty(_factory.Sql.RequestStatements());
        Assert.Contains("Knee pain", firstBody);
    }

    [Fact]
    public async Task A_kept_answer_is_dropped_by_an_import()
    {
        await _factory.ImportAsync(Pages.Minimal(title: "Knee pain"));
        var client = _factory.CreateClient();
        var url = Get("{ questions(first: 5) { nodes { title } } }");
        var before = await client.GetStringAsync(url);

        await _factory.ImportAsync(Pages.Minimal(title: "Ankle pain", date: "2020/03/05"));
        var after = await client.GetStringAsync(url);

        Assert.DoesNotContain("Ankle pain", before);
        Assert.Contains("Ankle pain", after);
    }

    [Fact]
    public async Task Other_variables_and_POSTs_are_never_answered_from_a_kept_answer()
    {
        await _factory.ImportAsync(Pages.Minimal(title: "Knee pain"), Pages.Minimal(title: "Ankle pain", date: "2020/03/05"));
        var client = _factory.CreateClient();
        const string query = """query($slug: String!) { question(slug: $slug) { title } }""";
        await client.GetStringAsync(Get(query, """{"slug":"knee-pain"}"""));
        _factory.Sql.Reset();

        var other = await client.GetStringAsync(Get(query, """{"slug":"ankle-pain"}"""));
        var ran = _factory.Sql.RequestStatements().Count;
        _factory.Sql.Reset();
        var (_, posted) = await client.PostAsync(query, new { slug = "knee-pain" });

        Assert.Contains("Ankle pain", other);
        Assert.Equal(1, ran);
        Assert.Equal("Knee pain", posted.Data()["question"]!["title"]!.GetValue<string>());
        Assert.Single(_factory.Sql.RequestStatements());
    }

    [Fact]
    public async Task An_answer_with_errors_is_not_kept()
    {
        var client = _factory.CreateClient();
        var url = Get("""{ questions(first: 1, after: "not a cursor") { nodes { title } } }""");
        await client.GetAsync(url);
        _factory.Sql.Reset();

        var again = await client.GetAsync(url);

        Assert.Equal("no-store", again.Headers.CacheControl!.ToString());
        Assert.NotNull((await GraphQLClient.ReadAsync(again))["errors"]);
    }

    [Fact]
    public async Task A_kept_answer_still_answers_304_to_its_ETag()
    {
        await _factory.ImportAsync(Pages.Minimal(title: "Knee pain"));
        var client = _factory.CreateClient();
        var url = Get("{ questions(first: 1) { nodes { title } } }");
        var first = await client.GetAsync(url);
        await client.GetAsync(url); // now kept

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var conditional = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
    }

    [Fact]
    public async Task An_answer_larger_than_the_bound_is_not_kept()
    {
        _factory.WithSetting("MedQA:Caching:MaxAnswerBytes", "100");
        await _factory.ImportAsync(Pages.Minimal(title: "Knee pain"));
        var client = _factory.CreateClient();
        var url = Get("{ questions(first: 1) { nodes { title body } } }"); // a few hundred bytes
        await client.GetAsync(url);
        _factory.Sql.Reset();

        await client.GetAsync(url);

        Assert.NotEmpty(_factory.Sql.RequestStatements());
    }

    public void Dispose() => _factory.Dispose();
}
