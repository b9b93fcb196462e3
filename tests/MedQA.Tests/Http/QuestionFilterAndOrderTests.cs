using System.Text.Json.Nodes;
using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>where / order / first-after / last-before on the 60-question catalogue (dates: two a day from 2020-01-01).</summary>
public sealed class QuestionFilterAndOrderTests(CatalogueFactory catalogue) : IClassFixture<CatalogueFactory>
{
    private Task<JsonNode> Query(string query, object? variables = null) => catalogue.Factory.QueryAsync(query, variables);

    private async Task<List<string>> WalkAsync(string order, bool backward)
    {
        var titles = new List<string>();
        string? cursor = null;
        while (true)
        {
            var body = await Query(
                $"query($c: String) {{ questions({(backward ? "last: 9, before: $c" : "first: 9, after: $c")}, order: {order}) {{ nodes {{ title }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}",
                new { c = cursor });
            var questions = body.Data()["questions"]!;
            var page = questions["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToList();
            titles.InsertRange(backward ? 0 : titles.Count, page);
            var info = questions["pageInfo"]!;
            if (!info[backward ? "hasPreviousPage" : "hasNextPage"]!.GetValue<bool>())
            {
                return titles;
            }
            cursor = info[backward ? "startCursor" : "endCursor"]!.GetValue<string>();
        }
    }

    [Theory]
    [InlineData("{ field: TITLE }")]
    [InlineData("{ field: TITLE, direction: DESC }")]
    [InlineData("{ field: ASKED_ON, direction: ASC }")]
    public async Task Paging_forward_and_backward_give_the_same_complete_order(string order)
    {
        var forward = await WalkAsync(order, backward: false);
        var backward = await WalkAsync(order, backward: true);

        Assert.Equal(CatalogueFactory.Size, forward.Distinct().Count());
        Assert.Equal(forward, backward);
        if (order == "{ field: TITLE }")
        {
            Assert.Equal(forward.Order(StringComparer.Ordinal), forward);
        }
    }

    [Theory]
    [InlineData("""{ askedFrom: "2020-01-10" }""", 42)]
    [InlineData("""{ askedFrom: "2020-01-10", askedTo: "2020-01-12" }""", 6)]
    [InlineData("""{ specialty: "dermatology", askedTo: "2020-01-05" }""", 3)]
    [InlineData("{ askerGender: MALE, askerAgeFrom: 45, askerAgeTo: 46 }", 60)]
    [InlineData("{ askerGender: FEMALE }", 0)]
    [InlineData("{ askerAgeFrom: 50 }", 0)]
    [InlineData("{ hasReply: true }", 60)]
    [InlineData("{ hasReply: false }", 0)]
    public async Task Filters_keep_only_the_questions_that_meet_them(string where, int expected)
    {
        var body = await Query($"{{ questions(where: {where}) {{ totalCount }} }}");

        Assert.Equal(expected, body.Data()["questions"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_doctor_filter_takes_a_doctors_global_id()
    {
        // "Doctor 3" replies under all three specialties: three doctors of one name, one per specialty.
        var neurology = (await Query("{ specialties { name doctors { id name } } }")).Data()["specialties"]!.AsArray()
            .Single(s => s!["name"]!.GetValue<string>() == "Neurology")!["doctors"]!.AsArray();
        var doctor = neurology.Single(d => d!["name"]!.GetValue<string>() == "Doctor 3")!["id"]!.GetValue<string>();

        var body = await Query("query($d: ID) { questions(first: 50, where: { doctor: $d }) { totalCount nodes { specialty { name } replies { doctor { id } } } } }", new { d = doctor });

        Assert.Equal(3, body.Data()["questions"]!["totalCount"]!.GetValue<int>()); // i % 7 == 3 and i % 3 == 0 (Neurology) for i < 60
        Assert.All(body.Data()["questions"]!["nodes"]!.AsArray(), n => Assert.Contains(n!["replies"]!.AsArray(), r => r!["doctor"]!["id"]!.GetValue<string>() == doctor));
    }

    [Theory]
    [InlineData("first: 2, last: 2")]
    [InlineData("last: 51")]
    [InlineData("""where: { askerAgeFrom: 50, askerAgeTo: 40 }""")]
    [InlineData("""where: { doctor: "UXVlc3Rpb246MQ" }""")]
    public async Task Contradictory_or_out_of_range_arguments_are_rejected(string arguments)
    {
        var body = await Query($"{{ questions({arguments}) {{ nodes {{ title }} }} }}");

        Assert.Contains(body.Code(), new[] { "BAD_USER_INPUT", "INVALID_ID" });
    }

    [Fact]
    public async Task A_cursor_of_one_order_is_refused_in_another()
    {
        var cursor = (await Query("{ questions(first: 1, order: { field: TITLE }) { pageInfo { endCursor } } }"))
            .Data()["questions"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var body = await Query("query($c: String) { questions(first: 1, after: $c) { nodes { title } } }", new { c = cursor });

        Assert.Equal("BAD_USER_INPUT", body.Code());
    }

    [Fact]
    public async Task A_deep_page_is_a_range_scan_from_the_cursor_not_an_offset()
    {
        var cursor = (await Query("{ questions(first: 45) { pageInfo { endCursor } } }")).Data()["questions"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        catalogue.Factory.Sql.Reset();

        await Query("query($c: String) { questions(first: 10, after: $c) { nodes { title } } }", new { c = cursor });

        var sql = Assert.Single(catalogue.Factory.Sql.Commands);
        Assert.DoesNotContain("OFFSET", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"AskedOn\" <", sql);
    }
}
