using MedQA.Gateway.Import;
using MedQA.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Http;

/// <summary>A "Similar Q&amp;A" teaser links to the question it names, whichever page was imported first.</summary>
public sealed class SimilarLinkTests : IDisposable
{
    private readonly EmptyMedQaFactory _factory = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_teaser_links_to_the_named_question_imported_before_or_after_it(bool targetFirst)
    {
        var target = Page(Pages.Minimal(title: "Knee pain"));
        var linking = Page(Pages.Minimal(title: "Ankle pain") + """


            Similar Q&A

            Knee Pain: What It Means

            My knee hurts on the...

            Dr. Wang Wei reply Orthopedics
            Rest it for a...

            [Read More] Knee Pain: What It Means

            Understanding Something Not Imported

            Excerpt...

            Dr. Wang Wei reply Orthopedics
            Reply...

            [Read More] Understanding Something Not Imported
            """);
        var importer = _factory.Services.GetRequiredService<PageImporter>();
        foreach (var page in targetFirst ? new[] { target, linking } : [linking, target])
        {
            await importer.ImportAsync(page);
        }

        var (_, body) = await _factory.CreateClient().PostAsync("""{ question(slug: "ankle-pain") { similar { headline question { slug } } } }""");

        var similar = body.Data()["question"]!["similar"]!.AsArray();
        Assert.Equal("knee-pain", similar[0]!["question"]!["slug"]!.GetValue<string>());
        Assert.Null(similar[1]!["question"]);
    }

    private static ParsedPage Page(string text)
    {
        var page = PageParser.Parse(text);
        return page with { Headline = page.Title == "Knee pain" ? "Knee Pain: What It Means" : page.Headline };
    }

    public void Dispose() => _factory.Dispose();
}
