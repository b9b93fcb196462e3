using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MedQA.Tests.Support;

namespace MedQA.Tests.Differential;

/// <summary>
/// Every query a user is shown answers what the reference execution answers: the README's, the partner documents
/// in <c>samples/partner-documents</c> and the benchmark's pages, read from their files (so a query added there is
/// checked too), each with variables that name real content.
/// </summary>
[Collection(DifferentialCatalogue.Collection)]
public sealed partial class DocumentedQueryTests(DifferentialCatalogue catalogue)
{
    public static TheoryData<string, string> Documents()
    {
        var documents = new TheoryData<string, string>();
        var readme = File.ReadAllText(RepositoryRoot.File("README.md"));
        var blocks = GraphQLBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(blocks);
        blocks.ForEach(block => documents.Add("README.md", block));
        foreach (var curl in CurlQuery().Matches(readme).Select(m => m.Groups[1].Value))
        {
            documents.Add("README.md (curl)", JsonNode.Parse(curl)!["query"]!.GetValue<string>());
        }
        foreach (var file in Directory.GetFiles(RepositoryRoot.File("samples", "partner-documents"), "*.graphql").Order())
        {
            documents.Add(Path.GetFileName(file), File.ReadAllText(file));
        }
        var benchmark = File.ReadAllText(RepositoryRoot.File("tests", "MedQA.Benchmarks", "Queries.cs"));
        foreach (Match page in BenchmarkQuery().Matches(benchmark))
        {
            documents.Add($"benchmark {page.Groups[1].Value}", page.Groups[2].Value);
        }
        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_documented_query_answers_what_the_reference_execution_answers(string source, string document)
    {
        var variables = VariablesFor(document);

        var expected = await Answer.PostAsync(catalogue.Reference.CreateClient(), document, variables);
        var actual = await Answer.PostAsync(catalogue.Fast.CreateClient(), document, variables);

        Assert.True(expected.FirstDifference(actual) is null, $"{source}: {expected.FirstDifference(actual)}\n{document}");
        Assert.NotNull(expected.Data);
    }

    /// <summary>Values for a documented query's variables, by their names, that name real content.</summary>
    public static JsonObject VariablesFor(string document)
    {
        var variables = new JsonObject();
        foreach (var name in Variable().Matches(document).Select(m => m.Groups[1].Value).Distinct())
        {
            variables[name] = name switch
            {
                "slug" => "facial-nerve-twitching",
                "specialty" => "neurology",
                "q" => "knee pain",
                _ => null,
            };
        }
        return variables;
    }

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();

    [GeneratedRegex("-d '(\\{\"query\":.*?\\})'", RegexOptions.Singleline)]
    private static partial Regex CurlQuery();

    [GeneratedRegex("const string (\\w+) = \"\"\"\\s*\\n(.*?)\\n\\s*\"\"\";", RegexOptions.Singleline)]
    private static partial Regex BenchmarkQuery();

    [GeneratedRegex("\\$(\\w+)\\s*:")]
    private static partial Regex Variable();
}
