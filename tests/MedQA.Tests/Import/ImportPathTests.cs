using MedQA.Gateway.Export;
using MedQA.Gateway.Generate;
using MedQA.Gateway.Import;
using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Import;

/// <summary>
/// Pages imported together (files and generated pages, handed to the session in lists: on PostgreSQL runs of new pages
/// go in with binary COPY) are stored as the same pages imported one at a time, each in a session of its own (one
/// insert per row). Compared through what each database gives back: the exported files byte for byte, ids and slugs,
/// and search answers.
/// </summary>
public sealed class ImportPathTests : IDisposable
{
    private const int Generated = 1_200; // more than two lists of ImportSession.ManyPages
    private const int Seed = 3;

    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-import-path-").FullName;

    [Fact]
    public async Task Pages_imported_together_are_stored_as_the_same_pages_imported_one_at_a_time()
    {
        var files = PageFiles();
        using var together = new EmptyMedQaFactory();
        using var alone = new EmptyMedQaFactory();

        var report = await together.Services.GetRequiredService<PageImportRunner>().ImportAsync(files, TextWriter.Null);
        var generated = await GenerateCommand.RunAsync(together.Services.GetRequiredService<PageImporter>(), Generated, Seed);
        var importer = alone.Services.GetRequiredService<PageImporter>();
        foreach (var file in files)
        {
            await importer.ImportAsync(PageParser.Parse(await File.ReadAllTextAsync(file)));
        }
        foreach (var page in PageGenerator.Generate(Generated, Seed))
        {
            await importer.ImportAsync(page);
        }

        Assert.Equal((files.Count - 2, 2, 0), (report.Created, report.Updated, report.Failed.Count));
        Assert.Equal(Generated, generated.Imported);
        Assert.Equal(await QuestionsAsync(alone), await QuestionsAsync(together));
        await ExportAsync(alone, "alone");
        await ExportAsync(together, "together");
        var exported = Directory.GetFiles(Path.Combine(_folder, "alone")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(exported, Directory.GetFiles(Path.Combine(_folder, "together")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(exported, name => Assert.True(
            File.ReadAllBytes(Path.Combine(_folder, "alone", name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_folder, "together", name!))),
            $"{name} differs"));
        foreach (var query in new[] { "pain", "knee pain", "head*", "twitching" })
        {
            const string search = "query($q: String!) { search(query: $q, first: 50) { totalCount edges { node { score question { slug } } } } }";
            Assert.Equal((await alone.QueryAsync(search, new { q = query })).ToJsonString(), (await together.QueryAsync(search, new { q = query })).ToJsonString());
        }
    }

    /// <summary>The sample page, pages of every shape (slug collisions among them), then two of them again: one changed, one not.</summary>
    private List<string> PageFiles()
    {
        var pages = Directory.CreateDirectory(Path.Combine(_folder, "pages")).FullName;
        var sources = new List<string> { RepositoryRoot.File("samples", "pages", "facial-nerve-twitching.txt") };
        sources.AddRange(Directory.GetFiles(RepositoryRoot.File("tests", "MedQA.Tests", "Import", "RoundTrip", "Pages"), "*.txt").Order(StringComparer.Ordinal));
        var files = sources.Select((source, i) => Copy(i, File.ReadAllText(source))).ToList();
        files.Add(Copy(files.Count, File.ReadAllText(sources[0]).Replace("Hello,", "Good morning,")));
        files.Add(Copy(files.Count, File.ReadAllText(sources.Single(s => s.EndsWith("slug-1-pain.txt", StringComparison.Ordinal)))));
        return files;

        string Copy(int i, string text)
        {
            var path = Path.Combine(pages, $"{i:000}.txt");
            File.WriteAllText(path, text);
            return path;
        }
    }

    private static async Task<List<(int, string)>> QuestionsAsync(EmptyMedQaFactory catalogue)
    {
        await using var db = await catalogue.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        return (await db.Set<Question>().OrderBy(q => q.Id).Select(q => new { q.Id, q.Slug }).ToListAsync()).Select(q => (q.Id, q.Slug)).ToList();
    }

    private Task<ExportReport> ExportAsync(EmptyMedQaFactory catalogue, string folder) =>
        catalogue.Services.GetRequiredService<PageExporter>().ExportAsync(Path.Combine(_folder, folder), new ExportFilter(), TextWriter.Null);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
