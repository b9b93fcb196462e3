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

    [Theory]
    [InlineData("{ questions(first: 5) { nodes { slug title askedOn specialty { name } } } }", false)]
    [InlineData("{ questions(first: 5, order: { field: TITLE }) { edges { node { ... on Question { id title } } } } }", false)]
    [InlineData("{ questions(first: 5) { edges { node { ...Card } } } } fragment Card on Question { title headline }", true)]
    [InlineData("{ questions(first: 5) { nodes { title } edges { node { asker { alias } } } } }", true)]
    [InlineData("{ questions(first: 5) { nodes { title causes { summary } } } }", true)] // a plugin's field may read any column
    public async Task A_list_of_cards_reads_only_the_cards_columns(string query, bool everyColumn)
    {
        var sql = await SqlOf(query);

        Assert.Equal(everyColumn, sql[0].Contains(".\"Headline\"", StringComparison.Ordinal));
        Assert.Equal(everyColumn, sql[0].Contains(".\"AskerAlias\"", StringComparison.Ordinal));
        Assert.Contains(".\"Title\"", sql[0]);
    }

    [Fact]
    public async Task Cards_and_full_rows_answer_the_same_for_the_fields_cards_have()
    {
        await SqlOf("{ __typename }");
        const string Fields = "id slug title askedOn specialty { name } replies { repliedOn }";

        var cards = await factory.QueryAsync($"{{ questions(first: 5) {{ nodes {{ {Fields} }} }} }}");
        var full = await factory.QueryAsync($"{{ questions(first: 5) {{ nodes {{ {Fields} headline asker {{ alias }} }} }} }}");

        var expected = full.Data()["questions"]!["nodes"]!.AsArray().Select(n =>
        {
            var node = n!.AsObject().DeepClone().AsObject();
            node.Remove("headline");
            node.Remove("asker");
            return node.ToJsonString();
        });
        Assert.Equal(expected, cards.Data()["questions"]!["nodes"]!.AsArray().Select(n => n!.ToJsonString()));
        Assert.All(full.Data()["questions"]!["nodes"]!.AsArray(), n => Assert.NotEqual("", n!["headline"]!.GetValue<string>()));
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
        var sql = Assert.Single(factory.Sql.RequestStatements());
        Assert.Contains(".\"Body\"", sql);
    }
}
