using MedQA.Gateway.Export;
using MedQA.Gateway.Generate;
using MedQA.Gateway.Import;
using MedQA.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MedQA.Tests.Import.RoundTrip;

/// <summary>
/// <c>import</c> then <c>export</c> then <c>import</c> into a fresh database gives the same questions field by field,
/// and exporting that gives the same files byte for byte: over the sample pages, hand-written pages of every shape
/// the page format allows (<c>Pages/</c>), and a seeded generated catalogue (<c>MEDQA_ROUNDTRIP_PAGES</c>, 3,000 by
/// default; <c>MEDQA_ROUNDTRIP_SEED</c>). Fields are read with plain SQL (<see cref="CatalogueRows"/>).
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // two catalogues compared as SQLite files (CatalogueRows)
public sealed class RoundTripTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-roundtrip-").FullName;

    private static string HandWritten => RepositoryRoot.File("tests", "MedQA.Tests", "Import", "RoundTrip", "Pages");

    [Fact]
    public async Task Import_export_import_gives_the_same_questions_and_export_gives_the_same_files()
    {
        var pages = int.TryParse(Environment.GetEnvironmentVariable("MEDQA_ROUNDTRIP_PAGES"), out var n) ? n : 3000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("MEDQA_ROUNDTRIP_SEED"), out var s) ? s : 11;
        using var first = Catalogue("first.db");
        // One by one in name order: the slug-N pages take "pain", "pain-2", then "pain-2-2" for the title "Pain 2".
        var handWritten = Directory.GetFiles(HandWritten, "*.txt").Order(StringComparer.Ordinal)
            .Prepend(RepositoryRoot.File("samples", "pages", "facial-nerve-twitching.txt")).ToList();
        var imported = await first.Services.GetRequiredService<PageImportRunner>().ImportAsync(handWritten, TextWriter.Null);
        Assert.Empty(imported.Failed);
        await GenerateCommand.RunAsync(first.Services.GetRequiredService<PageImporter>(), pages, seed);
        var exported = await ExportAsync(first, "export-1");
        Assert.Equal(pages + handWritten.Count, exported.Exported);

        using var second = Catalogue("second.db");
        var reimported = await second.Services.GetRequiredService<PageImportRunner>().ImportAsync([Path.Combine(_folder, "export-1")], TextWriter.Null);
        Assert.Equal((pages + handWritten.Count, 0), (reimported.Created, reimported.Failed.Count));
        await ExportAsync(second, "export-2");

        var difference = CatalogueRows.FirstDifference(
            await CatalogueRows.ReadAsync(Path.Combine(_folder, "first.db")), await CatalogueRows.ReadAsync(Path.Combine(_folder, "second.db")));
        Assert.True(difference is null, $"{difference} (generated pages: {pages}, seed {seed})");
        AssertSameFiles(Path.Combine(_folder, "export-1"), Path.Combine(_folder, "export-2"));
        output.WriteLine($"{exported.Exported} pages: export {exported}");
    }

    [Fact]
    public async Task Export_writes_the_canonical_page_format()
    {
        using var catalogue = Catalogue("canonical.db");
        await catalogue.Services.GetRequiredService<PageImportRunner>().ImportAsync(
            [Path.Combine(HandWritten, "gender-only-no-headline-specialty.txt"), Path.Combine(HandWritten, "age-only-no-headline-crlf.txt")],
            TextWriter.Null);

        await ExportAsync(catalogue, "canonical");

        // The headline gains the specialty of the first reply, "Share to:" is written, inner blank lines are kept,
        // the FAQ topic names its specialty; the headline-less page takes its title as headline; LF line ends.
        Assert.Equal("""
            Itchy scalp in winter - Dermatology

            Share to:

            Itchy scalp

            My scalp itches every winter.


            It gets worse with wool hats.

            Kim, female. Ask Date: 2020/12/01

            Dr. Park Jisoo reply Dermatology

            Dry air dries the scalp.

            Try a gentler shampoo.

            Reply Date: 2020/12/02

            Related FAQ

            Dry Skin
            (Dermatology)

            """.ReplaceLineEndings("\n"), await File.ReadAllTextAsync(Path.Combine(_folder, "canonical", "itchy-scalp.txt")));
        Assert.Equal("""
            Back pain after lifting - Orthopedics

            Share to:

            Back pain after lifting

            I lifted a heavy box and my lower back hurts.

            Lee, 40~49 year old. Ask Date: 2021/06/30

            Dr. Wang Wei reply Orthopedics

            Rest and gentle movement usually help within days.

            Reply Date: 2021/07/01

            More Info

            Most back strains heal by themselves.

            """.ReplaceLineEndings("\n"), await File.ReadAllTextAsync(Path.Combine(_folder, "canonical", "back-pain-after-lifting.txt")));
    }

    [Fact]
    public async Task Export_takes_one_specialty_or_the_questions_asked_since_a_day()
    {
        using var catalogue = Catalogue("filtered.db");
        await catalogue.Services.GetRequiredService<PageImportRunner>().ImportAsync([HandWritten], TextWriter.Null);

        await ExportAsync(catalogue, "orthopedics", new ExportFilter(Specialty: "orthopedics"));
        await ExportAsync(catalogue, "since", new ExportFilter(Since: new DateOnly(2022, 1, 1)));

        Assert.Equal(["back-pain-after-lifting.txt", "knee-pain-when-kneeling.txt"], Files("orthopedics"));
        Assert.Equal(["hiccups-for-two-days.txt", "knee-pain-when-kneeling.txt"], Files("since"));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => ExportAsync(catalogue, "none", new ExportFilter(Specialty: "Astrology")));
        Assert.StartsWith("There is no specialty 'Astrology'; give a name or slug: cardiology, dermatology,", unknown.Message);
    }

    private EmptyMedQaFactory Catalogue(string file)
    {
        var factory = new EmptyMedQaFactory();
        factory.WithSetting("ConnectionStrings:MedQA", $"Data Source={Path.Combine(_folder, file)};Pooling=False");
        return factory;
    }

    private Task<ExportReport> ExportAsync(EmptyMedQaFactory catalogue, string folder, ExportFilter? filter = null) =>
        catalogue.Services.GetRequiredService<PageExporter>().ExportAsync(Path.Combine(_folder, folder), filter ?? new ExportFilter(), TextWriter.Null);

    private string[] Files(string folder) =>
        Directory.GetFiles(Path.Combine(_folder, folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static void AssertSameFiles(string expected, string actual)
    {
        var names = Directory.GetFiles(expected).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var name in names)
        {
            var (a, b) = (File.ReadAllBytes(Path.Combine(expected, name!)), File.ReadAllBytes(Path.Combine(actual, name!)));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{name} differs after the round trip");
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
