using System.Net;
using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>An answer over <c>MedQA:GraphQL:MaxResponseBytes</c> is replaced by an error that says so; smaller ones are sent whole.</summary>
public sealed class ResponseSizeTests
{
    [Fact]
    public async Task An_answer_over_the_limit_is_refused_with_a_code_and_a_small_one_is_sent()
    {
        using var factory = (MedQaFactory)new MedQaFactory().WithSetting("MedQA:GraphQL:MaxResponseBytes", "2000");
        var client = factory.CreateClient();
        // The seed question's article sections: about 4 KB.
        const string Large = """{ question(slug: "facial-nerve-twitching") { article { sections { heading body } } } }""";

        var (postResponse, post) = await client.PostAsync(Large);
        var get = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(Large));
        var (smallResponse, small) = await client.PostAsync("""{ question(slug: "facial-nerve-twitching") { title } }""");

        Assert.Equal((HttpStatusCode.BadRequest, "RESPONSE_TOO_LARGE"), (postResponse.StatusCode, post.Code()));
        Assert.Matches(@"^The answer is [\d,]+ bytes; at most 2,000 are sent \(MedQA:GraphQL:MaxResponseBytes\)", post["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Null(post["data"]);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.True(get.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.OK, smallResponse.StatusCode);
        Assert.Equal("Facial nerve twitching", small.Data()["question"]!["title"]!.GetValue<string>());
        Assert.Equal(smallResponse.Content.Headers.ContentLength, (await smallResponse.Content.ReadAsByteArrayAsync()).Length);
    }
}
