using MedQA.Tests.Support;
using Snapshooter.Xunit;

namespace MedQA.Tests.Http;

/// <summary>The seed page as a frontend queries it, over HTTP, from a database filled at start.</summary>
public sealed class SeedQuestionTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    private const string QuestionPage = """
        query QuestionPage($slug: String!) {
          question(slug: $slug) {
            id slug title headline body askedOn
            specialty { name slug }
            asker { alias gender ageRange { min max } }
            replies { id doctor { name specialty { name } } body repliedOn }
            article { intro sections { heading body } conclusion }
            similar { headline questionExcerpt doctorName doctorSpecialty replyExcerpt question { slug } }
            relatedFaqs { topic specialty { name } }
          }
        }
        """;

    [Fact]
    public async Task The_seed_question_page_matches_its_snapshot()
    {
        var (response, body) = await factory.CreateClient().PostAsync(QuestionPage, new { slug = "facial-nerve-twitching" });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(body.Data().ToJsonString()));
    }

    [Fact]
    public async Task The_whole_question_page_costs_seven_statements()
    {
        const string everything = """
            query($slug: String!) { question(slug: $slug) { slug title body specialty { name } asker { alias }
              replies { body doctor { name specialty { name } } } article { intro sections { heading body } conclusion }
              causes { summary } treatments { summary } similar { headline question { slug } } relatedFaqs { topic } } }
            """;
        var client = factory.CreateClient();
        await client.PostAsync(everything, new { slug = "facial-nerve-twitching" }); // specialties are kept once seen
        factory.Sql.Reset();

        await client.PostAsync(everything, new { slug = "facial-nerve-twitching" });

        // question, replies with doctors, article with sections, both plugins' records, teasers, teaser links, FAQs
        var statements = factory.Sql.RequestStatements();
        Assert.Equal(7, statements.Count);
        // The batches keyed by the one question run their one-key form (KeyedQuery: "= @key", an index seek); only
        // the teaser links, several headlines, send their keys as an array.
        var arrays = statements.Where(sql => sql.Contains(TestDatabase.ArrayParameter, StringComparison.Ordinal)).ToList();
        Assert.Contains(TestDatabase.OnPostgres ? "\"Headline\" = ANY (" : "\"Headline\" IN", Assert.Single(arrays), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_slug_is_null_not_an_error()
    {
        var (_, body) = await factory.CreateClient().PostAsync(QuestionPage, new { slug = "no-such-question" });

        Assert.Null(body.Data()["question"]);
    }

    [Fact]
    public async Task A_global_id_fetches_the_same_content_through_node()
    {
        var client = factory.CreateClient();
        var (_, page) = await client.PostAsync("""{ question(slug: "facial-nerve-twitching") { id replies { id doctor { id } } } }""");
        var question = page.Data()["question"]!;
        var doctorId = question["replies"]![0]!["doctor"]!["id"]!.GetValue<string>();

        var (_, body) = await client.PostAsync(
            "query($q: ID!, $d: ID!) { q: node(id: $q) { id ... on Question { title } } d: node(id: $d) { ... on Doctor { name } } }",
            new { q = question["id"]!.GetValue<string>(), d = doctorId });

        Assert.Equal("Facial nerve twitching", body.Data()["q"]!["title"]!.GetValue<string>());
        Assert.Equal(question["id"]!.GetValue<string>(), body.Data()["q"]!["id"]!.GetValue<string>());
        Assert.Equal("Lan Shengxing", body.Data()["d"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_global_id_is_an_INVALID_ID_error()
    {
        var (_, body) = await factory.CreateClient().PostAsync("""{ node(id: "not-an-id") { id } }""");

        Assert.Equal("INVALID_ID", body.Code());
        Assert.Null(body["data"]!["node"]);
    }

    [Fact]
    public async Task A_specialty_lists_its_questions_doctors_and_faqs()
    {
        var (_, body) = await factory.CreateClient().PostAsync(
            """{ specialty(slug: "neurology") { name questions { totalCount nodes { slug } } doctors { name } faqs { topic } } specialties { slug } faqs(specialty: "neurology") { topic } }""");

        var specialty = body.Data()["specialty"]!;
        Assert.Equal(1, specialty["questions"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("facial-nerve-twitching", specialty["questions"]!["nodes"]![0]!["slug"]!.GetValue<string>());
        Assert.Equal("Lan Shengxing", specialty["doctors"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(10, specialty["faqs"]!.AsArray().Count);
        Assert.Equal(10, body.Data()["faqs"]!.AsArray().Count);
        Assert.Equal("neurology", body.Data()["specialties"]![0]!["slug"]!.GetValue<string>());
    }
}
