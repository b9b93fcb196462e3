using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

public sealed class QuestionListTests(CatalogueFactory catalogue) : IClassFixture<CatalogueFactory>
{
    private readonly HttpClient _client = catalogue.Factory.CreateClient();

    [Fact]
    public async Task Paging_with_cursors_walks_every_question_once_newest_first()
    {
        var seen = new List<(string Date, string Title)>();
        string? after = null;
        bool more;
        do
        {
            var (_, body) = await _client.PostAsync(
                "query($after: String) { questions(first: 7, after: $after) { edges { node { title askedOn } } pageInfo { hasNextPage endCursor } } }",
                new { after });
            var questions = body.Data()["questions"]!;
            seen.AddRange(questions["edges"]!.AsArray().Select(e => (e!["node"]!["askedOn"]!.GetValue<string>(), e["node"]!["title"]!.GetValue<string>())));
            more = questions["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = questions["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        while (more);

        Assert.Equal(CatalogueFactory.Size, seen.Count);
        Assert.Equal(CatalogueFactory.Size, seen.Select(s => s.Title).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(s => s.Date).ThenByDescending(s => s.Title), seen);
    }

    [Fact]
    public async Task The_default_page_is_ten_and_the_total_counts_every_page()
    {
        var (_, body) = await _client.PostAsync("{ questions { totalCount nodes { title } pageInfo { hasNextPage hasPreviousPage } } }");

        var questions = body.Data()["questions"]!;
        Assert.Equal(10, questions["nodes"]!.AsArray().Count);
        Assert.Equal(CatalogueFactory.Size, questions["totalCount"]!.GetValue<int>());
        Assert.True(questions["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(questions["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_specialty_filter_keeps_only_that_specialty()
    {
        var (_, body) = await _client.PostAsync("""{ questions(first: 50, specialty: "cardiology") { totalCount nodes { specialty { name } } } }""");

        var questions = body.Data()["questions"]!;
        Assert.Equal(CatalogueFactory.Size / 3, questions["totalCount"]!.GetValue<int>());
        Assert.All(questions["nodes"]!.AsArray(), n => Assert.Equal("Cardiology", n!["specialty"]!["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("first: 51")]
    [InlineData("first: -1")]
    [InlineData("after: \"garbage\"")]
    public async Task Out_of_range_paging_arguments_are_BAD_USER_INPUT(string arguments)
    {
        var (_, body) = await _client.PostAsync($"{{ questions({arguments}) {{ nodes {{ title }} }} }}");

        Assert.Equal("BAD_USER_INPUT", body.Code());
    }
}
