using System.Text.Json;
using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Questions.Search;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Search;

/// <summary>
/// Search on SQLite FTS5: the virtual table <c>QuestionSearch</c> (rowid = question id; created by the SQLite
/// migration "Search"), ranked by bm25 with the title weighted highest, snippets from FTS5's <c>snippet()</c>.
/// </summary>
internal sealed class SqliteQuestionSearch : IQuestionSearch
{
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(MedQaDbContext db, SearchQuery query, int take, SearchPosition? after, CancellationToken cancellationToken)
    {
        if (query.IsEmpty || take == 0)
        {
            return [];
        }
        var match = Match(query);
        // The first page comes after a position above every score. Snippets are made for the page's hits only: in
        // one query with the ranking, SQLite would make one for every match before sorting them.
        var (score, id) = after is null ? (double.MaxValue, 0) : (after.Score, after.QuestionId);
        var hits = db.Database.SqlQuery<Row>($"""
            WITH page AS (
              SELECT QuestionId, Score FROM (
                SELECT rowid AS QuestionId, -bm25(QuestionSearch, 8.0, 2.0, 1.0, 1.0) AS Score
                FROM QuestionSearch WHERE QuestionSearch MATCH {match})
              WHERE Score < {score} OR (Score = {score} AND QuestionId > {id})
              ORDER BY Score DESC, QuestionId LIMIT {take})
            SELECT page.QuestionId, page.Score, snippet(QuestionSearch, -1, char(57344), char(57345), '…', 24) AS Snippet
            FROM page JOIN QuestionSearch ON QuestionSearch.rowid = page.QuestionId
            WHERE QuestionSearch MATCH {match}
            ORDER BY page.Score DESC, page.QuestionId
            """);
        return (await hits.ToListAsync(cancellationToken))
            .Select(r => new SearchHit(r.QuestionId, r.Score, Snippet.FromMarked(r.Snippet, Open, Close))).ToList();
    }

    public async Task<IReadOnlyDictionary<int, Snippet>> SnippetsAsync(MedQaDbContext db, SearchQuery query, IReadOnlyList<int> questionIds, CancellationToken cancellationToken)
    {
        if (query.IsEmpty || questionIds.Count == 0)
        {
            return new Dictionary<int, Snippet>();
        }
        // One MATCH per question, on its rowid (cheap once the index is one segment: see OptimizeCommand).
        var match = Match(query);
        var ids = JsonSerializer.Serialize(questionIds);
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT QuestionId, 0.0 AS Score, Snippet FROM (
              SELECT j.value AS QuestionId, (SELECT snippet(QuestionSearch, -1, char(57344), char(57345), '…', 24)
                FROM QuestionSearch WHERE QuestionSearch MATCH {match} AND QuestionSearch.rowid = j.value) AS Snippet
              FROM json_each({ids}) AS j)
            WHERE Snippet IS NOT NULL
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.QuestionId, r => Snippet.FromMarked(r.Snippet, Open, Close));
    }

    public Task<int> CountAsync(MedQaDbContext db, SearchQuery query, CancellationToken cancellationToken) => query.IsEmpty
        ? Task.FromResult(0)
        : db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM QuestionSearch WHERE QuestionSearch MATCH {Match(query)}")
            .SingleAsync(cancellationToken);

    public IQueryable<int> Matching(MedQaDbContext db, SearchQuery query) => query.IsEmpty
        ? db.Set<Question>().Where(_ => false).Select(q => q.Id)
        : db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM QuestionSearch WHERE QuestionSearch MATCH {Match(query)}");

    public IQueryable<RankedQuestion> Ranked(MedQaDbContext db, SearchQuery query) => query.IsEmpty
        ? db.Database.SqlQuery<RankedQuestion>($"SELECT 0 AS QuestionId, 0.0 AS Score WHERE 0")
        : db.Database.SqlQuery<RankedQuestion>(
            $"SELECT rowid AS QuestionId, -bm25(QuestionSearch, 8.0, 2.0, 1.0, 1.0) AS Score FROM QuestionSearch WHERE QuestionSearch MATCH {Match(query)}");

    // External content (migration "SearchExternalContent"): the text comes from the view, and FTS5 must be given the
    // exact text it indexed to remove it, so both commands read the view. One row of VALUES, not INSERT ... SELECT: a
    // statement that may write several rows opens a savepoint, and FTS5 writes out its pending index data at every
    // savepoint (an import ran 1.4x as long, merging thousands of tiny index segments).
    public string IndexCommand => Write("@id");

    public string UnindexCommand => Write("'delete', @id", "QuestionSearch, ");

    // One segment instead of the many a bulk import leaves: the search page's snippets (a MATCH per hit) cost a
    // third, its ranking a sixth less; about a second for 100,000 pages.
    public string OptimizeCommand => """INSERT INTO "QuestionSearch" ("QuestionSearch") VALUES ('optimize');""";

    private static string Write(string values, string command = "") => $"""
        INSERT INTO QuestionSearch ({command}rowid, title, body, replies, article) VALUES ({values},
            (SELECT title FROM QuestionSearchSource WHERE "Id" = @id), (SELECT body FROM QuestionSearchSource WHERE "Id" = @id),
            (SELECT replies FROM QuestionSearchSource WHERE "Id" = @id), (SELECT article FROM QuestionSearchSource WHERE "Id" = @id))
        """;

    /// <summary>The FTS5 query: every term must match; words are letters and digits only, so quoting them is safe.</summary>
    private static string Match(SearchQuery query) =>
        string.Join(query.AnyTerm ? " OR " : " ", query.Terms.Select(t => $"\"{string.Join(' ', t.Words)}\"" + (t.Prefix ? "*" : "")));

    private sealed class Row
    {
        public int QuestionId { get; set; }

        public double Score { get; set; }

        public string Snippet { get; set; } = "";
    }
}
