using MedQA.Tests.Support;

namespace MedQA.Tests.Data;

/// <summary>Large text is read only when a client selects it.</summary>
public sealed class ProjectionTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    private async Task<IReadOnlyList<string>> SqlOf(string query)
    {
        await factory.QueryAsync("{ __typename }"); // started, samples imported
        factory.Sql.Reset();
        var body = await factory.QueryAsync(query);
        Assert.Null(body["errors"]);
        return factory.Sql.Commands;
    }

    [Theory]
    [InlineData("""{ questions(first: 5) { nodes { title } } }""")]
    [InlineData("""{ question(slug: "facial-nerve-twitching") { title } }""")]
    public async Task A_query_for_titles_reads_no_body_and_no_article_text(string query)
    {
        var sql = await SqlOf(query);

        Assert.Single(sql);
        Assert.DoesNotContain(".\"Body\"", sql[0]); // no column read ("'' AS \"Body\"" is a constant)
        Assert.DoesNotContain("Intro", sql[0]);
        Assert.DoesNotContain("Articles", sql[0]);
    }

    [Fact]
    public async Task Replies_listed_without_their_text_do_not_read_it()
    {
        var without = await SqlOf("""{ questions(first: 5) { nodes { replies { repliedOn doctor { name } } } } }""");
        var with = await SqlOf("""{ questions(first: 5) { nodes { replies { repliedOn body } } } }""");

        Assert.Equal(2, without.Count); // the page, its replies with their doctors
        Assert.DoesNotContain(".\"Body\"", without[1]);
        Assert.Equal(2, with.Count);
        Assert.Contains(".\"Body\"", with[1]);
    }

    [Fact]
    public async Task Selecting_the_body_reads_it_in_one_more_statement_for_the_whole_page()
    {
        var sql = await SqlOf("""{ questions(first: 5) { nodes { title body } } }""");

        Assert.Equal(2, sql.Count);
        Assert.Contains(".\"Body\"", sql[1]);
    }
}

public sealed class QuestionPageProjectionTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    [Fact]
    public async Task A_question_page_that_selects_the_body_reads_it_with_the_question_in_one_statement()
    {
        await factory.QueryAsync("{ __typename }");
        factory.Sql.Reset();

        var body = await factory.QueryAsync("""{ question(slug: "facial-nerve-twitching") { title body } }""");

        Assert.StartsWith("Hello, about a month", body.Data()["question"]!["body"]!.GetValue<string>());
        var sql = Assert.Single(factory.Sql.Commands);
        Assert.Contains(".\"Body\"", sql);
    }
}
