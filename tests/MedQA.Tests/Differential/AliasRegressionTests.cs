using System.Text.Json.Nodes;
using MedQA.Tests.Support;

namespace MedQA.Tests.Differential;

/// <summary>
/// Mismatches the differential suite found, kept by name. Loaders chose what to read by looking for a response key
/// among the sub-fields, so an alias changed the answer: <c>replies { text: body }</c> answered "" for every reply.
/// Each aliased query must answer what the same query without aliases answers, with its values under the aliases.
/// </summary>
public sealed class AliasRegressionTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    [Theory]
    [InlineData("replies { text: body }", "replies { body }", "replies")]
    [InlineData("replies { body: repliedOn text: body }", "replies { repliedOn body }", "replies")]
    [InlineData("text: body", "body", null)]
    [InlineData("article { parts: sections { heading } }", "article { sections { heading } }", "article")]
    [InlineData("body: title", "title", null)]
    public async Task An_alias_does_not_change_the_value_it_names(string aliased, string plain, string? under)
    {
        var client = factory.CreateClient();

        var (_, withAliases) = await client.PostAsync($$"""{ question(slug: "facial-nerve-twitching") { {{aliased}} } }""");
        var (_, without) = await client.PostAsync($$"""{ question(slug: "facial-nerve-twitching") { {{plain}} } }""");

        var expected = Values(without.Data()["question"]!, under);
        var actual = Values(withAliases.Data()["question"]!, under);
        Assert.NotEmpty(expected);
        Assert.DoesNotContain("\"\"", expected);
        Assert.Equal(expected, actual);
    }

    /// <summary>Every scalar value, in response order, whatever its key.</summary>
    private static List<string> Values(JsonNode node, string? under) => Scalars(under is null ? node : node[under]!).ToList();

    private static IEnumerable<string> Scalars(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Scalars(p.Value)),
        JsonArray a => a.SelectMany(Scalars),
        _ => [node?.ToJsonString() ?? "null"],
    };
}
