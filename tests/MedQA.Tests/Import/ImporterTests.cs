using MedQA.Faqs;
using MedQA.Gateway.Import;
using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Replies;
using MedQA.Specialties;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Import;

/// <summary>The importer against a real SQLite database, through the same services the CLI uses.</summary>
public sealed class ImporterTests : IDisposable
{
    private readonly EmptyMedQaFactory _factory = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("medqa-pages-").FullName;

    private PageImportRunner Runner => _factory.Services.GetRequiredService<PageImportRunner>();

    [Fact]
    public async Task Importing_the_same_page_twice_updates_instead_of_duplicating()
    {
        var seed = RepositoryRoot.File("samples", "pages", "facial-nerve-twitching.txt");

        var first = await Runner.ImportAsync([seed], TextWriter.Null);
        var second = await Runner.ImportAsync([seed], TextWriter.Null);

        Assert.Equal((1, 0), (first.Created, first.Updated));
        Assert.Equal((0, 1), (second.Created, second.Updated));
        Assert.Equal(new Counts(1, 1, 1, 1, 10, 10, 2, 4), await CountAsync());
    }

    [Fact]
    public async Task Reimporting_a_changed_page_replaces_its_content()
    {
        await Runner.ImportAsync([Write("a.txt", Pages.TwoReplies)], TextWriter.Null);
        var changed = Pages.TwoReplies.Replace("It may be post-viral.", "It is probably post-viral.")
            .Split("\nDr. Lin Yu")[0] + "\n\nRelated FAQ\n\nChronic Cough\n\n(Pulmonology)\n";

        await Runner.ImportAsync([Write("a.txt", changed)], TextWriter.Null);

        await using var db = await Db();
        var reply = await db.Set<Reply>().SingleAsync();
        Assert.Equal("It is probably post-viral.", reply.Body);
        Assert.Empty(await db.Set<ArticleSection>().ToListAsync());
        Assert.Equal(["Chronic Cough"], await db.Set<QuestionFaq>().Join(db.Set<Faq>(), l => l.FaqId, f => f.Id, (l, f) => f.Topic).ToListAsync());
        Assert.Equal(2, await db.Set<Doctor>().CountAsync()); // doctors stay: other pages may name them
    }

    [Fact]
    public async Task Shared_doctors_specialties_and_topics_are_not_duplicated_across_pages()
    {
        await Runner.ImportAsync([
            Write("a.txt", Pages.Minimal(title: "Knee pain")),
            Write("b.txt", Pages.Minimal(title: "Ankle pain")),
        ], TextWriter.Null);

        Assert.Equal(new Counts(2, 2, 1, 1, 0, 0, 0, 0), await CountAsync());
    }

    [Fact]
    public async Task Two_titles_with_the_same_slug_get_distinct_slugs()
    {
        await Runner.ImportAsync([
            Write("a.txt", Pages.Minimal(title: "Knee pain", alias: "A")),
            Write("b.txt", Pages.Minimal(title: "Knee pain!", alias: "B")),
        ], TextWriter.Null);

        await using var db = await Db();
        Assert.Equal(["knee-pain", "knee-pain-2"], await db.Set<Question>().OrderBy(q => q.Id).Select(q => q.Slug).ToListAsync());
    }

    [Fact]
    public async Task A_doctor_is_a_name_within_a_specialty_and_keeps_it_whatever_the_questions_are_in()
    {
        await Runner.ImportAsync([
            Write("a.txt", Pages.Minimal(title: "Knee pain", specialty: "Orthopedics", doctor: "Chen Wei")),
            Write("b.txt", Pages.Minimal(title: "Headache", specialty: "Neurology", doctor: "Chen Wei")),
            // The orthopedist answers a question in Sports Medicine: the same doctor, still an orthopedist.
            Write("c.txt", Pages.Minimal(title: "Runner's knee", specialty: "Sports Medicine", doctor: "Chen Wei")
                .Replace("Dr. Chen Wei reply Sports Medicine", "Dr. Chen Wei reply Orthopedics")),
        ], TextWriter.Null);

        await using var db = await Db();
        var doctors = await db.Set<Doctor>().Join(db.Set<Specialty>(), d => d.SpecialtyId, s => s.Id, (d, s) => new { d.Id, d.Name, Specialty = s.Name })
            .OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([("Chen Wei", "Orthopedics"), ("Chen Wei", "Neurology")], doctors.Select(d => (d.Name, d.Specialty)));
        var repliedBy = await db.Set<Reply>().Join(db.Set<Question>(), r => r.QuestionId, q => q.Id, (r, q) => new { q.Title, r.DoctorId })
            .ToDictionaryAsync(r => r.Title, r => r.DoctorId);
        Assert.Equal((doctors[0].Id, doctors[1].Id, doctors[0].Id), (repliedBy["Knee pain"], repliedBy["Headache"], repliedBy["Runner's knee"]));
    }

    [Fact]
    public async Task A_bad_file_is_reported_with_file_and_line_writes_nothing_and_the_others_still_import()
    {
        var bad = Write("bad.txt", Pages.Minimal(title: "Bad page").Replace("Ask Date: 2020/03/04", "Ask Date: 2020/02/31"));
        var good = Write("good.txt", Pages.Minimal(title: "Good page"));
        var errors = new StringWriter();

        var report = await Runner.ImportAsync([bad, good], errors);

        Assert.Equal($"{bad}:10: impossible ask date '2020/02/31' (expected a real date, YYYY/MM/DD)", errors.ToString().Trim());
        Assert.Equal(1, report.Created);
        Assert.Single(report.Failed);
        await using var db = await Db();
        Assert.Equal(["Good page"], await db.Set<Question>().Select(q => q.Title).ToListAsync());
    }

    [Fact]
    public async Task A_page_the_database_refuses_is_reported_whole_and_the_rest_of_its_batch_is_kept()
    {
        await using (var db = await Db())
        {
            // Fails the page half-way: its question, doctor and specialty are written by then.
            await db.Database.ExecuteSqlRawAsync(TestDatabase.OnPostgres
                ? """
                  CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN IF NEW."Body" = 'Refused.' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF; RETURN NEW; END $$;
                  CREATE TRIGGER refuse BEFORE INSERT ON "Replies" FOR EACH ROW EXECUTE FUNCTION refuse();
                  """
                : "CREATE TRIGGER refuse BEFORE INSERT ON Replies WHEN NEW.Body = 'Refused.' BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END");
        }
        var refused = Write("b.txt", Pages.Minimal(title: "Itchy rash", specialty: "Dermatology", doctor: "Ada Refuser").Replace("Rest it for a week.", "Refused."));
        var errors = new StringWriter();

        var report = await Runner.ImportAsync([Write("a.txt", Pages.Minimal(title: "Knee pain")), refused, Write("c.txt", Pages.Minimal(title: "Ankle pain"))], errors);

        Assert.Equal((2, 1), (report.Created, report.Failed.Count));
        Assert.StartsWith($"{refused}:1: could not be imported: ", errors.ToString());
        Assert.Contains("refused by a test trigger", errors.ToString());
        await using var check = await Db();
        Assert.Equal(["Knee pain", "Ankle pain"], await check.Set<Question>().OrderBy(q => q.Id).Select(q => q.Title).ToListAsync());
        Assert.Equal(new Counts(2, 2, 1, 1, 0, 0, 0, 0), await CountAsync());
        var search = await _factory.QueryAsync("""{ search(query: "itchy") { totalCount } }""");
        Assert.Equal(0, search.Data()["search"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Empty_binary_and_missing_files_are_each_reported()
    {
        var empty = Write("empty.txt", "");
        var binary = Path.Combine(_folder, "binary.txt");
        await File.WriteAllBytesAsync(binary, [1, 2, 0, 3]);
        var missing = Path.Combine(_folder, "missing.txt");
        var errors = new StringWriter();

        var report = await Runner.ImportAsync([empty, binary, missing], errors);

        Assert.Equal(3, report.Failed.Count);
        Assert.Equal(
            [$"{empty}:1: the page is empty", $"{binary}:1: the file is binary, not a text page (it holds a NUL byte)", $"{missing}:1: no such file or folder"],
            errors.ToString().Trim().Split(Environment.NewLine));
        Assert.Equal(new Counts(0, 0, 0, 0, 0, 0, 0, 0), await CountAsync());
    }

    [Fact]
    public async Task A_folder_imports_every_page_file_in_it()
    {
        Write("a.txt", Pages.Minimal(title: "Knee pain"));
        Write("nested/b.txt", Pages.TwoReplies);
        Write("notes.md", "not a page");

        var report = await Runner.ImportAsync([_folder], TextWriter.Null);

        Assert.Equal((2, 0), (report.Created, report.Failed.Count));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<MedQaDbContext> Db() => _factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();

    private async Task<Counts> CountAsync()
    {
        await using var db = await Db();
        return new Counts(
            await db.Set<Question>().CountAsync(), await db.Set<Reply>().CountAsync(), await db.Set<Doctor>().CountAsync(),
            await db.Set<Specialty>().CountAsync(), await db.Set<Faq>().CountAsync(), await db.Set<QuestionFaq>().CountAsync(),
            await db.Set<ArticleSection>().CountAsync(), await db.Set<SimilarTeaser>().CountAsync());
    }

    private sealed record Counts(int Questions, int Replies, int Doctors, int Specialties, int Faqs, int FaqLinks, int Sections, int Teasers);

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
