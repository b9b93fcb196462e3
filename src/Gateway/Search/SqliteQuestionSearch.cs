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
        var hits = after is null
            ? db.Database.SqlQuery<Row>($"""
                SELECT QuestionId, Score, Snippet FROM (
                  SELECT rowid AS QuestionId, -bm25(QuestionSearch, 8.0, 2.0, 1.0, 1.0) AS Score,
                         snippet(QuestionSearch, -1, char(57344), char(57345), '…', 24) AS Snippet
                  FROM QuestionSearch WHERE QuestionSearch MATCH {match})
                ORDER BY Score DESC, QuestionId LIMIT {take}
                """)
            : db.Database.SqlQuery<Row>($"""
                SELECT QuestionId, Score, Snippet FROM (
                  SELECT rowid AS QuestionId, -bm25(QuestionSearch, 8.0, 2.0, 1.0, 1.0) AS Score,
                         snippet(QuestionSearch, -1, char(57344), char(57345), '…', 24) AS Snippet
                  FROM QuestionSearch WHERE QuestionSearch MATCH {match})
                WHERE Score < {after.Score} OR (Score = {after.Score} AND QuestionId > {after.QuestionId})
                ORDER BY Score DESC, QuestionId LIMIT {take}
                """);
        return (await hits.ToListAsync(cancellationToken))
            .Select(r => new SearchHit(r.QuestionId, r.Score, Snippet.FromMarked(r.Snippet, Open, Close))).ToList();
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

    public string IndexCommand =>
        "INSERT OR REPLACE INTO QuestionSearch (rowid, title, body, replies, article) VALUES (@id, @title, @body, @replies, @article)";

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
