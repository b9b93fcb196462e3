using MedQA.Kernel.Data;

namespace MedQA.Questions.Search;

/// <summary>
/// Full-text search over questions (title, body, replies, article) on the database's own engine: SQLite FTS5 for
/// the embedded default, SQL Server full-text (CONTAINSTABLE) in production. Queries are user text: quotes make a
/// phrase, a trailing * a prefix, anything else is taken as words; nothing in the text can cause an error.
/// </summary>
public interface IQuestionSearch
{
    /// <summary>The hits, best first (ties by question id), after the given position.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(MedQaDbContext db, SearchQuery query, int take, SearchPosition? after, CancellationToken cancellationToken);

    /// <summary>
    /// Snippets for the given questions, by question id; a question that does not match (any more) has none. For a
    /// page of hits taken from a ranking kept in memory (<see cref="CachedQuestionSearch"/>).
    /// </summary>
    Task<IReadOnlyDictionary<int, Snippet>> SnippetsAsync(MedQaDbContext db, SearchQuery query, IReadOnlyList<int> questionIds, CancellationToken cancellationToken);

    /// <summary>How many questions match.</summary>
    Task<int> CountAsync(MedQaDbContext db, SearchQuery query, CancellationToken cancellationToken);

    /// <summary>The ids of the matching questions, to compose into a LINQ query (<c>questions(where: { text })</c>).</summary>
    IQueryable<int> Matching(MedQaDbContext db, SearchQuery query);

    /// <summary>The matching question ids with their score (higher is better), to join in a LINQ query.</summary>
    IQueryable<RankedQuestion> Ranked(MedQaDbContext db, SearchQuery query);

    /// <summary>
    /// The SQL that indexes a question's text as its rows are now (title, body, replies, article), with the parameter
    /// <c>@id</c>: the importer keeps it prepared and runs it in its transaction after writing a page.
    /// </summary>
    string IndexCommand { get; }

    /// <summary>
    /// The SQL that removes a question's indexed text, with the parameter <c>@id</c>, run before its rows are replaced
    /// (while they still hold the indexed text); null when <see cref="IndexCommand"/> replaces the text on its own.
    /// </summary>
    string? UnindexCommand { get; }

    /// <summary>
    /// SQL that rewrites the index compactly after a bulk import (on SQLite, FTS5 'optimize': a 100,000-page import
    /// leaves it in many segments, which every MATCH walks); null when the engine keeps its index compact itself.
    /// </summary>
    string? OptimizeCommand => null;

    /// <summary>Called after an import in this process committed index changes (a cache forgets what it kept).</summary>
    void IndexChanged()
    {
    }
}

/// <summary>A hit: the question, its score (higher is better) and a snippet with the matched words marked.</summary>
public sealed record SearchHit(int QuestionId, double Score, Snippet Snippet);

/// <summary>A matching question and its score.</summary>
public sealed class RankedQuestion
{
    public int QuestionId { get; set; }

    public double Score { get; set; }
}

/// <summary>Where a page of hits ends: its score and question id.</summary>
public sealed record SearchPosition(double Score, int QuestionId);
