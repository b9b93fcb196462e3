using System.Text.Json.Nodes;
using MedQA.Tests.Support;

namespace MedQA.Tests.Differential;

/// <summary>Argument values that mean something in the catalogue: slugs, ids of every node type, cursors of every order, search texts.</summary>
public sealed record ValuePools(
    IReadOnlyList<string> QuestionSlugs,
    IReadOnlyList<string> SpecialtySlugs,
    IReadOnlyList<string> NodeIds,
    IReadOnlyList<string> DoctorIds,
    IReadOnlyList<string> QuestionCursors,
    IReadOnlyList<string> SearchCursors,
    IReadOnlyList<string> SearchTexts,
    IReadOnlyList<string> PluginNames)
{
    /// <summary>Cursors of every kind, and a string that is none.</summary>
    public IReadOnlyList<string> Cursors => [.. QuestionCursors, .. SearchCursors, "not-a-cursor"];

    private const string Read = """
        {
          questions(first: 30) { edges { cursor node { id slug replies { id doctor { id } } relatedFaqs { id } } } }
          byTitle: questions(first: 3, order: { field: TITLE, direction: ASC }) { edges { cursor } }
          byRelevance: questions(first: 3, where: { text: "pain" }, order: { field: RELEVANCE }) { edges { cursor } }
          search(query: "pain", first: 3) { edges { cursor } }
          specialties { id slug }
          plugins { name }
        }
        """;

    /// <summary>Reads the pools from a running MedQA.</summary>
    public static async Task<ValuePools> ReadAsync(HttpClient client)
    {
        var (_, body) = await client.PostAsync(Read);
        var data = body.Data();
        var edges = data["questions"]!["edges"]!.AsArray();
        var nodes = edges.Select(e => e!["node"]!).ToList();
        var replies = nodes.SelectMany(n => n["replies"]!.AsArray()).ToList();
        var doctors = replies.Select(r => r!["doctor"]!["id"]!.GetValue<string>()).Distinct().ToList();
        var specialties = data["specialties"]!.AsArray();
        string[] Cursors(string field) => [.. data[field]!["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>())];
        return new ValuePools(
            [.. nodes.Select(n => n["slug"]!.GetValue<string>()).Take(12), "facial-nerve-twitching"],
            [.. specialties.Select(s => s!["slug"]!.GetValue<string>())],
            [
                .. nodes.Take(6).Select(n => n["id"]!.GetValue<string>()),
                .. replies.Take(4).Select(r => r!["id"]!.GetValue<string>()),
                .. doctors.Take(4),
                .. specialties.Take(3).Select(s => s!["id"]!.GetValue<string>()),
                .. nodes.SelectMany(n => n["relatedFaqs"]!.AsArray()).Take(3).Select(f => f!["id"]!.GetValue<string>()),
            ],
            doctors,
            [.. Cursors("questions").Take(8), .. Cursors("byTitle"), .. Cursors("byRelevance")],
            [.. Cursors("search")],
            ["pain", "knee pain", "\"facial nerve\"", "twitch*", "headache dizziness", "eye*", "nothing-matches-this", "a"],
            [.. data["plugins"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())]);
    }
}
