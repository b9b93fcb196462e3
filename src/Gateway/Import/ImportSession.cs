using MedQA.Faqs;
using MedQA.Gateway.Plugins;
using MedQA.Kernel;
using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Questions.Search;
using MedQA.Replies;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MedQA.Gateway.Import;

/// <summary>
/// One import run. A page is the same page when title, asker alias and ask date match: importing it again replaces
/// its replies, article, teasers, FAQ links and plugin values instead of adding a question. Specialties, doctors
/// and FAQ topics are shared, looked up in memory, and never duplicated.
/// </summary>
public sealed partial class ImportSession : IAsyncDisposable
{
    private const string Savepoint = "page";
    private readonly MedQaDbContext _db;
    private readonly PluginCatalog _plugins;
    private readonly IQuestionSearch _search;
    private readonly ILogger _logger;
    private IDbContextTransaction _transaction;
    private SharedContent _shared;

    private ImportSession(MedQaDbContext db, PluginCatalog plugins, IQuestionSearch search, ILogger logger, IDbContextTransaction transaction, SharedContent shared)
    {
        _db = db;
        _plugins = plugins;
        _search = search;
        _logger = logger;
        _transaction = transaction;
        _shared = shared;
    }

    internal static async Task<ImportSession> StartAsync(MedQaDbContext db, PluginCatalog plugins, IQuestionSearch search, ILogger logger, CancellationToken cancellationToken)
    {
        db.Database.AutoSavepointsEnabled = false; // one savepoint per page, ours
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new ImportSession(db, plugins, search, logger, transaction, await SharedContent.LoadAsync(db, cancellationToken));
    }

    /// <summary>Writes one page, whole or not at all (a savepoint is rolled back if anything fails).</summary>
    public async Task<ImportedPage> ImportAsync(ParsedPage page, CancellationToken cancellationToken = default)
    {
        await _transaction.CreateSavepointAsync(Savepoint, cancellationToken);
        try
        {
            var imported = await WriteAsync(page, cancellationToken);
            await _transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
            return imported;
        }
        catch
        {
            await _transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            _db.ChangeTracker.Clear();
            _shared = await SharedContent.LoadAsync(_db, CancellationToken.None); // forget what the rolled-back page added
            throw;
        }
        finally
        {
            _db.ChangeTracker.Clear();
        }
    }

    /// <summary>Pages committed together; each is still written whole or not at all.</summary>
    public const int BatchSize = 500;

    /// <summary>Imports a page, counts it in <paramref name="report"/>, and commits every <see cref="BatchSize"/> pages.</summary>
    public async Task ImportCountedAsync(ParsedPage page, ImportReport report, CancellationToken cancellationToken = default)
    {
        report.Count(await ImportAsync(page, cancellationToken));
        if (report.Imported % BatchSize == 0)
        {
            await CommitAsync(cancellationToken);
        }
    }

    /// <summary>Commits what was imported so far and goes on in a new transaction.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _transaction.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync(); // rolls back what was not committed
        await _db.DisposeAsync();
    }

    private async Task<ImportedPage> WriteAsync(ParsedPage page, CancellationToken cancellationToken)
    {
        var specialtyIds = await _shared.SpecialtiesAsync(_db, page, cancellationToken);
        var doctorIds = await _shared.DoctorsAsync(_db, page, specialtyIds, cancellationToken);
        var faqIds = await _shared.FaqsAsync(_db, page, specialtyIds, cancellationToken);
        var (question, created) = await QuestionAsync(page, specialtyIds[page.Specialty], cancellationToken);
        AddContent(page, question.Id, doctorIds, faqIds);
        AddPluginRecords(page, question.Id);
        _db.ChangeTracker.DetectChanges();
        await _db.SaveChangesAsync(cancellationToken);
        await _search.IndexAsync(_db, question.Id, SearchText(page), cancellationToken);
        return new ImportedPage(question.Id, question.Slug, created);
    }

    private static SearchDocument SearchText(ParsedPage page) => new(
        page.Title,
        page.Body,
        string.Join('\n', page.Replies.Select(r => r.Body)),
        page.Article is { } article
            ? string.Join('\n', [article.Intro, .. article.Sections.SelectMany(s => new[] { s.Heading, s.Body }), article.Conclusion ?? ""])
            : "");

    private async Task<(Question, bool Created)> QuestionAsync(ParsedPage page, int specialtyId, CancellationToken cancellationToken)
    {
        var question = await _db.Set<Question>().SingleOrDefaultAsync(
            q => q.Title == page.Title && q.AskerAlias == page.Asker.Alias && q.AskedOn == page.AskedOn, cancellationToken);
        var created = question is null;
        if (question is null)
        {
            var slug = await FreeSlugAsync(_db.Set<Question>().Select(q => q.Slug), Slug.From(page.Title, "question"), cancellationToken);
            question = _db.Add(new Question
            {
                Slug = slug, Title = page.Title, Headline = page.Headline, Body = page.Body, AskerAlias = page.Asker.Alias,
            }).Entity;
        }
        else
        {
            await DeleteContentAsync(question.Id, cancellationToken);
        }
        question.Headline = page.Headline;
        question.Body = page.Body;
        question.AskedOn = page.AskedOn;
        question.SpecialtyId = specialtyId;
        question.AskerGender = page.Asker.Gender;
        question.AskerAgeMin = page.Asker.AgeMin;
        question.AskerAgeMax = page.Asker.AgeMax;
        _db.ChangeTracker.DetectChanges();
        await _db.SaveChangesAsync(cancellationToken);
        return (question, created);
    }

    private async Task DeleteContentAsync(int questionId, CancellationToken cancellationToken)
    {
        await _db.Set<Reply>().Where(r => r.QuestionId == questionId).ExecuteDeleteAsync(cancellationToken);
        await _db.Set<Article>().Where(a => a.QuestionId == questionId).ExecuteDeleteAsync(cancellationToken);
        await _db.Set<ArticleSection>().Where(s => s.QuestionId == questionId).ExecuteDeleteAsync(cancellationToken);
        await _db.Set<SimilarTeaser>().Where(t => t.QuestionId == questionId).ExecuteDeleteAsync(cancellationToken);
        await _db.Set<QuestionFaq>().Where(l => l.QuestionId == questionId).ExecuteDeleteAsync(cancellationToken);
        await _db.Set<PluginRecord>().Where(r => r.ContentType == nameof(MedQA.Plugins.ContentType.Question) && r.ContentId == questionId)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The slug itself, or with the first free "-2", "-3", ... suffix.</summary>
    internal static async Task<string> FreeSlugAsync(IQueryable<string> slugs, string slug, CancellationToken cancellationToken)
    {
        if (!await slugs.AnyAsync(s => s == slug, cancellationToken)) // the common case, on the unique index
        {
            return slug;
        }
        var prefix = slug + "-";
        var taken = (await slugs.Where(s => s.StartsWith(prefix)).ToListAsync(cancellationToken)).ToHashSet();
        var n = 2;
        while (taken.Contains($"{slug}-{n}"))
        {
            n++;
        }
        return $"{slug}-{n}";
    }
}

