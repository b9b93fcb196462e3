using MedQA.Tests.Support;
using System.Text.Json.Nodes;

namespace MedQA.Tests.Differential;

/// <summary>
/// Relations every answer must keep, checked on MedQA as it serves by default: the same query with aliases, with
/// its selections moved into fragments, with <c>@include(if: true)</c>, answers the same values; with a field fewer,
/// the same answer without it. The queries: the documented ones, and generated plain operations that answer
/// without errors.
/// </summary>
[Collection(DifferentialCatalogue.Collection)]
public sealed class MetamorphicTests(DifferentialCatalogue catalogue)
{
    private const int GeneratedSources = 150;

    [Fact]
    public async Task Aliases_fragments_and_include_true_answer_the_same_values()
    {
        var client = catalogue.Fast.CreateClient();
        var checkedCount = 0;
        foreach (var (name, document, variables) in await SourcesAsync(client))
        {
            var random = new Random(StableSeed(name));
            var original = await Answer.PostAsync(client, document, variables);
            var aliases = 15 - document.Split(':').Length; // stay under the alias limit whatever the document holds
            var rewritten = new Dictionary<string, string>
            {
                ["aliases"] = Rewrites.Aliased(document, random, Math.Clamp(aliases, 1, 10)),
                ["fragments"] = Rewrites.InFragments(document),
                ["include(if: true)"] = Rewrites.IncludedAlways(document),
            };
            foreach (var (rewrite, text) in rewritten)
            {
                var answer = await Answer.PostAsync(client, text, variables);
                var difference = original.FirstDifference(answer with { Data = Unaliased(answer.Data) });
                Assert.True(difference is null, $"{name} with {rewrite}: {difference}\n{text}\n{answer.Body}");
            }
            checkedCount++;
        }
        Assert.True(checkedCount > GeneratedSources / 3, $"only {checkedCount} queries checked");
    }

    [Fact]
    public async Task A_field_fewer_answers_the_same_answer_without_that_field()
    {
        var client = catalogue.Fast.CreateClient();
        foreach (var (name, document, variables) in await SourcesAsync(client))
        {
            if (Rewrites.WithoutOneField(document, new Random(StableSeed(name))) is not { } fewer)
            {
                continue;
            }
            var original = await Answer.PostAsync(client, document, variables);
            var answer = await Answer.PostAsync(client, fewer, variables);

            Assert.True(answer.Errors.Count == 0 && Within(answer.Data, original.Data), $"{name} with a field fewer:\n{fewer}\n{answer.Body}\noriginal: {original.Body}");
        }
    }

    /// <summary>The documented queries and generated plain operations, those that answer data without errors.</summary>
    private async Task<List<(string Name, string Document, JsonObject Variables)>> SourcesAsync(HttpClient client)
    {
        var sources = DocumentedQueryTests.Documents().Select(row => ((string)row[0], (string)row[1]))
            .Select(d => ($"{d.Item1}: {d.Item2[..Math.Min(40, d.Item2.Length)]}", d.Item2, DocumentedQueryTests.VariablesFor(d.Item2)))
            .ToList();
        var generator = new OperationGenerator(catalogue.Schema, catalogue.Pools);
        for (var seed = 100_001; sources.Count < GeneratedSources; seed++)
        {
            if (generator.Generate(seed) is { Plain: true } operation)
            {
                sources.Add(($"seed {seed}", operation.Document, operation.Variables));
            }
        }
        var answering = new List<(string, string, JsonObject)>();
        foreach (var source in sources)
        {
            if (await Answer.PostAsync(client, source.Item2, source.Item3) is { Errors.Count: 0, Data: not null })
            {
                answering.Add(source);
            }
        }
        return answering;
    }

    /// <summary>A seed from the source's name that is the same in every run (string hash codes are not).</summary>
    private static int StableSeed(string name) => name.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    private static JsonNode? Unaliased(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(
            p.Key.StartsWith(Rewrites.AliasPrefix, StringComparison.Ordinal) ? p.Key[Rewrites.AliasPrefix.Length..] : p.Key, Unaliased(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Unaliased)]),
        _ => node?.DeepClone(),
    };

    /// <summary>
    /// Whether <paramref name="part"/> is <paramref name="whole"/> with some keys left out, the rest with the same
    /// values. Not their order: a key stands where it is first selected, and the field left out may have been that.
    /// </summary>
    private static bool Within(JsonNode? part, JsonNode? whole) => (part, whole) switch
    {
        (JsonObject p, JsonObject w) => p.All(x => w.ContainsKey(x.Key) && Within(x.Value, w[x.Key])),
        (JsonArray p, JsonArray w) => p.Count == w.Count && p.Select((item, i) => Within(item, w[i])).All(x => x),
        _ => (part?.ToJsonString() ?? "null") == (whole?.ToJsonString() ?? "null"),
    };
}
