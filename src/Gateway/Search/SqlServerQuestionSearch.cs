using System.Text.Json;
using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Questions.Search;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Search;

/// <summary>
/// Search on SQL Server full-text: the table <c>QuestionSearch</c> with a full-text index (created by the SQL Server
/// migration "Search"), ranked by <c>CONTAINSTABLE</c>'s RANK. SQL Server has no snippet function, so the snippet is
/// cut around the first matched word of the body. Not run in CI (no SQL Server here): see the README.
/// </summary>
internal sealed class SqlServerQuestionSearch : IQuestionSearch
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(MedQaDbContext db, SearchQuery query, int take, SearchPosition? after, CancellationToken cancellationToken)
    {
        if (query.IsEmpty || take == 0)
        {
            return [];
        }
        var condition = Condition(query);
        var score = after?.Score ?? double.MaxValue;
        var id = after?.QuestionId ?? 0;
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT TOP ({take}) s.QuestionId, CAST(k.[RANK] AS float) AS Score, s.Title, s.Body
            FROM CONTAINSTABLE(QuestionSearch, *, {condition}) AS k
            JOIN QuestionSearch AS s ON s.QuestionId = k.[KEY]
            WHERE CAST(k.[RANK] AS float) < {score} OR (CAST(k.[RANK] AS float) = {score} AND s.QuestionId > {id})
            ORDER BY Score DESC, s.QuestionId
            """).ToListAsync(cancellationToken);
        return rows.Select(r => new SearchHit(r.QuestionId, r.Score, Cut(r, query))).ToList();
    }

    public async Task<IReadOnlyDictionary<int, Snippet>> SnippetsAsync(MedQaDbContext db, SearchQuery query, IReadOnlyList<int> questionIds, CancellationToken cancellationToken)
    {
        if (query.IsEmpty || questionIds.Count == 0)
        {
            return new Dictionary<int, Snippet>();
        }
        var ids = JsonSerializer.Serialize(questionIds);
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT s.QuestionId, CAST(0 AS float) AS Score, s.Title, s.Body FROM QuestionSearch AS s
            WHERE s.QuestionId IN (SELECT CAST([value] AS int) FROM OPENJSON({ids}))
              AND s.QuestionId IN (SELECT [KEY] FROM CONTAINSTABLE(QuestionSearch, *, {Condition(query)}))
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.QuestionId, r => Cut(r, query));
    }

    public Task<int> CountAsync(MedQaDbContext db, SearchQuery query, CancellationToken cancellationToken) => query.IsEmpty
        ? Task.FromResult(0)
        : db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM CONTAINSTABLE(QuestionSearch, *, {Condition(query)})").SingleAsync(cancellationToken);

    public IQueryable<int> Matching(MedQaDbContext db, SearchQuery query) => query.IsEmpty
        ? db.Set<Question>().Where(_ => false).Select(q => q.Id)
        : db.Database.SqlQuery<int>($"SELECT [KEY] AS Value FROM CONTAINSTABLE(QuestionSearch, *, {Condition(query)})");

    public IQueryable<RankedQuestion> Ranked(MedQaDbContext db, SearchQuery query) => query.IsEmpty
        ? db.Database.SqlQuery<RankedQuestion>($"SELECT 0 AS QuestionId, CAST(0 AS float) AS Score WHERE 1 = 0")
        : db.Database.SqlQuery<RankedQuestion>(
            $"SELECT [KEY] AS QuestionId, CAST([RANK] AS float) AS Score FROM CONTAINSTABLE(QuestionSearch, *, {Condition(query)})");

    // The same text as SQLite's view "QuestionSearchSource", put together from the question's rows.
    public string IndexCommand => """
        MERGE [QuestionSearch] AS t
        USING (
            SELECT q.[Id] AS QuestionId, q.[Title], q.[Body],
                   coalesce((SELECT string_agg(CAST(r.[Body] AS nvarchar(max)), char(10)) WITHIN GROUP (ORDER BY r.[Position])
                             FROM [Replies] AS r WHERE r.[QuestionId] = q.[Id]), N'') AS Replies,
                   CASE WHEN a.[QuestionId] IS NULL THEN N'' ELSE
                       a.[Intro] + char(10) +
                       coalesce((SELECT string_agg(CAST(s.[Heading] + char(10) + s.[Body] AS nvarchar(max)), char(10)) WITHIN GROUP (ORDER BY s.[Position])
                                 FROM [ArticleSections] AS s WHERE s.[QuestionId] = q.[Id]), N'') +
                       char(10) + coalesce(a.[Conclusion], N'') END AS Article
            FROM [Questions] AS q LEFT JOIN [Articles] AS a ON a.[QuestionId] = q.[Id]
            WHERE q.[Id] = @id) AS s
        ON t.[QuestionId] = s.QuestionId
        WHEN MATCHED THEN UPDATE SET [Title] = s.[Title], [Body] = s.[Body], [Replies] = s.Replies, [Article] = s.Article
        WHEN NOT MATCHED THEN INSERT ([QuestionId], [Title], [Body], [Replies], [Article])
            VALUES (s.QuestionId, s.[Title], s.[Body], s.Replies, s.Article);
        """;

    public string? UnindexCommand => null;

    /// <summary>The CONTAINS condition: every term, as a quoted word, prefix ("word*") or phrase, joined by AND.</summary>
    private static string Condition(SearchQuery query) =>
        string.Join(query.AnyTerm ? " OR " : " AND ", query.Terms.Select(t => $"\"{string.Join(' ', t.Words)}{(t.Prefix ? "*" : "")}\""));

    /// <summary>The snippet of a hit: its body (or title) cut around the first matched word.</summary>
    private static Snippet Cut(Row row, SearchQuery query) =>
        Cut(row.Body.Length > 0 ? row.Body : row.Title, [.. query.Terms.SelectMany(t => t.Words)]);

    private static Snippet Cut(string text, List<string> words)
    {
        var at = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - 60);
        var piece = text.Substring(start, Math.Min(200, text.Length - start));
        var highlights = words.Select(w => (Word: w, At: piece.IndexOf(w, StringComparison.OrdinalIgnoreCase)))
            .Where(h => h.At >= 0).Select(h => new TextRange(h.At, h.Word.Length)).OrderBy(h => h.Start).ToList();
        return new Snippet(piece, highlights);
    }

    private sealed class Row
    {
        public int QuestionId { get; set; }

        public double Score { get; set; }

        public string Title { get; set; } = "";

        public string Body { get; set; } = "";
    }
}
