using System.Text.Json;
using MedQA.Gateway.Generate;
using MedQA.Tests.Support;

namespace MedQA.Tests.Import;

public sealed class PageGeneratorTests
{
    private static string Json(int count, int seed) => JsonSerializer.Serialize(PageGenerator.Generate(count, seed).ToList());

    [Fact]
    public void The_same_seed_gives_the_same_pages_and_another_seed_other_pages()
    {
        Assert.Equal(Json(40, 7), Json(40, 7));
        Assert.NotEqual(Json(40, 7), Json(40, 8));
    }

    [Fact]
    public void Pages_are_distinct_pages_with_one_to_three_replies()
    {
        var pages = PageGenerator.Generate(2000, 1).ToList();

        Assert.Equal(2000, pages.Select(p => (p.Title, p.Asker.Alias, p.AskedOn)).Distinct().Count());
        Assert.All(pages, p => Assert.InRange(p.Replies.Count, 1, 3));
        Assert.Equal(24, pages.Select(p => p.Specialty).Distinct().Count());
        Assert.InRange(pages.Count(p => p.Article is not null), 1400, 1800);
    }

    [Fact]
    public async Task Generated_pages_import_through_the_importer_with_their_plugin_sections()
    {
        using var factory = new EmptyMedQaFactory();
        var report = await GenerateCommand.RunAsync(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MedQA.Gateway.Import.PageImporter>(factory.Services), 30, 3);

        var body = await factory.QueryAsync("{ questions(first: 50) { totalCount nodes { causes { summary } replies { doctor { name } } } } }");

        Assert.Equal(30, report.Created);
        Assert.Equal(30, body.Data()["questions"]!["totalCount"]!.GetValue<int>());
        Assert.Contains(body.Data()["questions"]!["nodes"]!.AsArray(), n => n!["causes"] is not null);
    }
}
