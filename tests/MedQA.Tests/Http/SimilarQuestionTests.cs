using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>similar(first:): the page's own teasers first, then questions found similar, same specialty first.</summary>
public sealed class SimilarQuestionTests(CatalogueFactory catalogue) : IClassFixture<CatalogueFactory>
{
    [Fact]
    public async Task Computed_similar_questions_fill_up_to_first_from_the_same_specialty_never_the_question_itself()
    {
        var body = await catalogue.Factory.QueryAsync("""
            { question(slug: "question-000") { specialty { name } similar(first: 5) { curated headline doctorName replyExcerpt question { slug specialty { name } } } } }
            """);

        var question = body.Data()["question"]!;
        var similar = question["similar"]!.AsArray();
        Assert.Equal(5, similar.Count);
        Assert.All(similar, s =>
        {
            Assert.False(s!["curated"]!.GetValue<bool>());
            Assert.NotEqual("question-000", s["question"]!["slug"]!.GetValue<string>());
            Assert.Equal(question["specialty"]!["name"]!.GetValue<string>(), s["question"]!["specialty"]!["name"]!.GetValue<string>());
            Assert.StartsWith("Doctor ", s["doctorName"]!.GetValue<string>());
            Assert.Equal("Rest it for a week.", s["replyExcerpt"]!.GetValue<string>());
        });
        Assert.Equal(5, similar.Select(s => s!["question"]!["slug"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task More_than_twenty_is_BAD_USER_INPUT()
    {
        var body = await catalogue.Factory.QueryAsync("""{ question(slug: "question-000") { similar(first: 21) { headline } } }""");

        Assert.Equal("BAD_USER_INPUT", body.Code());
    }
}

public sealed class CuratedSimilarTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    [Theory]
    [InlineData("", 4)]
    [InlineData("(first: 2)", 2)]
    [InlineData("(first: 6)", 4)] // nothing else in the sample database is similar
    public async Task The_pages_own_teasers_come_first_and_in_page_order(string arguments, int expected)
    {
        var body = await factory.QueryAsync($$"""{ question(slug: "facial-nerve-twitching") { similar{{arguments}} { curated headline } } }""");

        var similar = body.Data()["question"]!["similar"]!.AsArray();
        Assert.Equal(expected, similar.Count);
        Assert.All(similar, s => Assert.True(s!["curated"]!.GetValue<bool>()));
        Assert.Equal("Understanding Facial Nerve Disorders: Treatment Options and Insights", similar[0]!["headline"]!.GetValue<string>());
    }
}
