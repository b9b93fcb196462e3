using System.Text.Json.Nodes;
using MedQA.Tests.Support;

namespace MedQA.Tests.Differential;

/// <summary>
/// Pages walked with cursors, forwards and backwards, concatenate to the whole list in its order (checked against
/// the order keys themselves), for every order, on the root list, a specialty's list and search; and
/// <c>node(id:)</c> answers what the root look-ups and the lists answer for the same content.
/// </summary>
[Collection(DifferentialCatalogue.Collection)]
public sealed class PagingAndNodeTests(DifferentialCatalogue catalogue)
{
    private const string Node = "id slug title askedOn";

    public static TheoryData<string, string, string> Orders => new()
    {
        { "questions", "ASKED_ON", "DESC" }, { "questions", "ASKED_ON", "ASC" },
        { "questions", "TITLE", "ASC" }, { "questions", "TITLE", "DESC" },
        { "questions", "RELEVANCE", "DESC" }, { "questions", "RELEVANCE", "ASC" },
        { "specialty", "ASKED_ON", "DESC" }, { "specialty", "TITLE", "ASC" },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Pages_walked_with_cursors_both_ways_concatenate_to_the_whole_list_in_order(string list, string field, string direction)
    {
        var client = catalogue.Fast.CreateClient();
        var where = field == "RELEVANCE" ? "where: { text: \"pain\" }, " : "";
        string Field(string paging) => list == "questions"
            ? $"questions({where}{paging}order: {{ field: {field}, direction: {direction} }})"
            : $"specialty(slug: \"neurology\") {{ questions({where}{paging}order: {{ field: {field}, direction: {direction} }})";
        string Close() => list == "questions" ? "" : " }";
        var size = list == "questions" ? 7 : 2; // a specialty holds a few questions of the catalogue

        var whole = await WalkAsync(client, cursor => $"{{ {Field($"first: 50, after: {Quote(cursor)}, ")} {{ totalCount edges {{ cursor node {{ {Node} }} }} pageInfo {{ hasNextPage endCursor }} }}{Close()} }}", forward: true);
        var forward = await WalkAsync(client, cursor => $"{{ {Field($"first: {size}, after: {Quote(cursor)}, ")} {{ edges {{ cursor node {{ {Node} }} }} pageInfo {{ hasNextPage endCursor }} }}{Close()} }}", forward: true);
        var backward = await WalkAsync(client, cursor => $"{{ {Field($"last: {size}, before: {Quote(cursor)}, ")} {{ edges {{ cursor node {{ {Node} }} }} pageInfo {{ hasPreviousPage startCursor }} }}{Close()} }}", forward: false);

        Assert.True(whole.Count > size, $"{whole.Count} questions: too few to page");
        Assert.Equal(whole, forward);
        Assert.Equal(whole, backward);
        if (field != "RELEVANCE") // the order keys themselves, read from the answer: an oracle that shares no paging code
        {
            var keys = whole.Select(n => JsonNode.Parse(n)![field == "TITLE" ? "title" : "askedOn"]!.GetValue<string>()).ToList();
            var sorted = direction == "ASC" ? keys.Order(StringComparer.Ordinal) : keys.OrderDescending(StringComparer.Ordinal);
            Assert.Equal(sorted, keys);
        }
    }

    [Fact]
    public async Task Search_pages_concatenate_to_the_whole_ranking()
    {
        var client = catalogue.Fast.CreateClient();
        string Page(int size, string? cursor) =>
            $"{{ search(query: \"pain\", first: {size}, after: {Quote(cursor)}) {{ edges {{ cursor node {{ score question {{ slug }} }} }} pageInfo {{ hasNextPage endCursor }} }} }}";

        var whole = await WalkAsync(client, cursor => Page(50, cursor), forward: true);
        var paged = await WalkAsync(client, cursor => Page(4, cursor), forward: true);

        Assert.True(whole.Count > 4);
        Assert.Equal(whole, paged);
        var scores = whole.Select(n => JsonNode.Parse(n)!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task Node_answers_what_the_look_ups_and_lists_answer()
    {
        var client = catalogue.Fast.CreateClient();
        const string Question = "id slug title headline body askedOn asker { alias gender ageRange { min max } } specialty { id name } replies { id body repliedOn doctor { id name specialty { slug } } } relatedFaqs { id topic specialty { slug } }";
        foreach (var slug in catalogue.Pools.QuestionSlugs)
        {
            var byLookup = (await client.PostAsync($"{{ question(slug: \"{slug}\") {{ {Question} }} }}")).Body.Data()["question"]!;
            var id = byLookup["id"]!.GetValue<string>();
            var byNode = (await client.PostAsync($"{{ node(id: \"{id}\") {{ ... on Question {{ {Question} }} }} }}")).Body.Data()["node"]!;
            Assert.Equal(byLookup.ToJsonString(), byNode.ToJsonString());

            foreach (var reply in byLookup["replies"]!.AsArray())
            {
                var node = (await client.PostAsync($"{{ node(id: \"{reply!["id"]}\") {{ ... on Reply {{ id body repliedOn doctor {{ id name specialty {{ slug }} }} }} }} }}".Replace("\"\"", "\""))).Body.Data()["node"]!;
                Assert.Equal(reply.ToJsonString(), node.ToJsonString());
                var doctor = (await client.PostAsync($"{{ node(id: {reply["doctor"]!["id"]!.ToJsonString()}) {{ ... on Doctor {{ id name specialty {{ slug }} }} }} }}")).Body.Data()["node"]!;
                Assert.Equal(reply["doctor"]!.ToJsonString(), doctor.ToJsonString());
            }
            foreach (var faq in byLookup["relatedFaqs"]!.AsArray())
            {
                var node = (await client.PostAsync($"{{ node(id: {faq!["id"]!.ToJsonString()}) {{ ... on Faq {{ id topic specialty {{ slug }} }} }} }}")).Body.Data()["node"]!;
                Assert.Equal(faq.ToJsonString(), node.ToJsonString());
            }
        }
        foreach (var slug in catalogue.Pools.SpecialtySlugs)
        {
            var byLookup = (await client.PostAsync($"{{ specialty(slug: \"{slug}\") {{ id slug name }} }}")).Body.Data()["specialty"]!;
            var byNode = (await client.PostAsync($"{{ node(id: {byLookup["id"]!.ToJsonString()}) {{ ... on Specialty {{ id slug name }} }} }}")).Body.Data()["node"]!;
            Assert.Equal(byLookup.ToJsonString(), byNode.ToJsonString());
        }
    }

    private static string Quote(string? cursor) => cursor is null ? "null" : $"\"{cursor}\"";

    /// <summary>Every node of a list, page after page (forwards, or backwards and then put in list order), as JSON.</summary>
    private static async Task<List<string>> WalkAsync(HttpClient client, Func<string?, string> page, bool forward)
    {
        var nodes = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var data = (await client.PostAsync(page(cursor))).Body.Data();
            var connection = (data["questions"] ?? data["search"] ?? data["specialty"]!["questions"])!;
            var edges = connection["edges"]!.AsArray().Select(e => e!["node"]!.ToJsonString()).ToList();
            nodes.InsertRange(forward ? nodes.Count : 0, edges);
            var info = connection["pageInfo"]!;
            if (!info[forward ? "hasNextPage" : "hasPreviousPage"]!.GetValue<bool>())
            {
                return nodes;
            }
            cursor = info[forward ? "endCursor" : "startCursor"]!.GetValue<string>();
        }
        throw new InvalidOperationException("more than 100 pages: the cursors do not move");
    }
}
