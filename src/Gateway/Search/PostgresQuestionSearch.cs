using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Questions.Search;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Search;

/// <summary>
/// Search on PostgreSQL's full-text engine: the table <c>QuestionSearch</c> (created by the PostgreSQL migration
/// "Search") keeps each question's text and a stored, weighted <c>tsvector</c> (title A, body B, replies C, article D)
/// under a GIN index. Words are indexed as they are, without accents (the configuration <c>medqa</c>: <c>simple</c> with
/// <c>unaccent</c>; no stemming, no stop words), as SQLite's FTS5 does, so both engines find the same questions. Ranked by <c>ts_rank</c> with the title weighted
/// highest; snippets by <c>ts_headline</c> on a bounded window of the column that matched.
/// </summary>
internal sealed class PostgresQuestionSearch : IQuestionSearch
{
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    /// <summary>
    /// The characters of a column that <c>ts_headline</c> reads for a snippet: it parses the whole text it is given,
    /// so a page of 1 MB would cost milliseconds per hit.
    /// </summary>
    public const string SnippetWindow = "20000";

    // No braces in these fragments: they go into composite format strings (Sql).
    // The first true column wins: body, title, replies, article (the weights' letters in the stored vector); when no
    // column holds every term alone (terms spread over title and body), the body, or the title of a question without one.
    private const string SnippetText = $"""
        left(CASE WHEN ts_filter(s."Document", ARRAY['b']::"char"[]) @@ q.query THEN s."Body"
                  WHEN ts_filter(s."Document", ARRAY['a']::"char"[]) @@ q.query THEN s."Title"
                  WHEN ts_filter(s."Document", ARRAY['c']::"char"[]) @@ q.query THEN s."Replies"
                  WHEN ts_filter(s."Document", ARRAY['d']::"char"[]) @@ q.query THEN s."Article"
                  WHEN s."Body" <> '' THEN s."Body" ELSE s."Title" END, {SnippetWindow})
        """;

    private const string Headline = $"""
        ts_headline('medqa', {SnippetText}, q.query,
            'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=…')
        """;

    private const string Rank = """ts_rank(ARRAY[0.1, 0.1, 0.2, 0.8]::real[], s."Document", q.query)::float8""";

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(MedQaDbContext db, SearchQuery query, int take, SearchPosition? after, CancellationToken cancellationToken)
    {
        if (query.IsEmpty || take == 0)
        {
            return [];
        }
        var (score, id) = after is null ? (double.MaxValue, 0) : (after.Score, after.QuestionId);
        // Snippets are made for the page's hits only, after the ranking has chosen them.
        var rows = await db.Database.SqlQuery<Row>(Sql($$"""
            WITH q AS (SELECT to_tsquery('medqa', {0}) AS query),
            page AS (
              SELECT "QuestionId", "Score" FROM (
                SELECT s."QuestionId", {{Rank}} AS "Score" FROM "QuestionSearch" AS s, q WHERE s."Document" @@ q.query) AS ranked
              WHERE "Score" < {1} OR ("Score" = {1} AND "QuestionId" > {2})
              ORDER BY "Score" DESC, "QuestionId" LIMIT {3})
            SELECT page."QuestionId", page."Score", {{Headline}} AS "Snippet"
            FROM page JOIN "QuestionSearch" AS s ON s."QuestionId" = page."QuestionId", q
            ORDER BY page."Score" DESC, page."QuestionId"
            """, TsQuery(query), score, id, take)).ToListAsync(cancellationToken);
        return rows.Select(r => new SearchHit(r.QuestionId, r.Score, Snippet.FromMarked(r.Snippet, Open, Close))).ToList();
    }

    public async Task<IReadOnlyDictionary<int, Snippet>> SnippetsAsync(MedQaDbContext db, SearchQuery query, IReadOnlyList<int> questionIds, CancellationToken cancellationToken)
    {
        if (query.IsEmpty || questionIds.Count == 0)
        {
            return new Dictionary<int, Snippet>();
        }
        var rows = await db.Database.SqlQuery<Row>(Sql($$"""
            WITH q AS (SELECT to_tsquery('medqa', {0}) AS query)
            SELECT s."QuestionId", 0.0::float8 AS "Score", {{Headline}} AS "Snippet"
            FROM "QuestionSearch" AS s, q
            WHERE s."QuestionId" = ANY({1}) AND s."Document" @@ q.query
            """, TsQuery(query), questionIds.ToArray())).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.QuestionId, r => Snippet.FromMarked(r.Snippet, Open, Close));
    }

    public Task<int> CountAsync(MedQaDbContext db, SearchQuery query, CancellationToken cancellationToken) => query.IsEmpty
        ? Task.FromResult(0)
        : db.Database.SqlQuery<int>(
            $"""SELECT count(*)::int AS "Value" FROM "QuestionSearch" WHERE "Document" @@ to_tsquery('medqa', {TsQuery(query)})""")
            .SingleAsync(cancellationToken);

    public IQueryable<int> Matching(MedQaDbContext db, SearchQuery query) => query.IsEmpty
        ? db.Set<Question>().Where(_ => false).Select(q => q.Id)
        : db.Database.SqlQuery<int>(
            $"""SELECT "QuestionId" AS "Value" FROM "QuestionSearch" WHERE "Document" @@ to_tsquery('medqa', {TsQuery(query)})""");

    public IQueryable<RankedQuestion> Ranked(MedQaDbContext db, SearchQuery query) => query.IsEmpty
        ? db.Database.SqlQuery<RankedQuestion>($"""SELECT 0 AS "QuestionId", 0.0::float8 AS "Score" WHERE false""")
        : db.Database.SqlQuery<RankedQuestion>(Sql($$"""
            SELECT s."QuestionId", {{Rank}} AS "Score"
            FROM "QuestionSearch" AS s, (SELECT to_tsquery('medqa', {0}) AS query) AS q WHERE s."Document" @@ q.query
            """, TsQuery(query)));

    // The text comes from the view "QuestionSearchSource" (the same text as SQLite's); the vector is computed by the
    // table itself (a stored generated column), so one statement inserts or replaces a question's row.
    public string IndexCommand => Index("= @id");

    /// <summary><see cref="IndexCommand"/> for the questions whose ids are in the array <c>@ids</c> (the import's COPY path).</summary>
    public static readonly string IndexManyCommand = Index("= ANY(@ids)");

    private static string Index(string id) => $"""
        INSERT INTO "QuestionSearch" ("QuestionId", "Title", "Body", "Replies", "Article")
        SELECT "Id", title, body, replies, article FROM "QuestionSearchSource" WHERE "Id" {id}
        ON CONFLICT ("QuestionId") DO UPDATE SET
            "Title" = excluded."Title", "Body" = excluded."Body", "Replies" = excluded."Replies", "Article" = excluded."Article"
        """;

    public string? UnindexCommand => null;

    // After a bulk import the planner's statistics are out of date (a new catalogue has none at all).
    public string OptimizeCommand => "ANALYZE;";

    /// <summary>
    /// The tsquery text: every term (a quoted word, a word prefix <c>'word':*</c>, or a phrase of words joined by
    /// <c>&lt;-&gt;</c>) joined by AND, or by OR for similar questions. Words hold letters and digits only, so quoting
    /// them is safe and <c>to_tsquery</c> never fails on user text.
    /// </summary>
    public static string TsQuery(SearchQuery query) =>
        string.Join(query.AnyTerm ? " | " : " & ", query.Terms.Select(t =>
            "(" + string.Join(" <-> ", t.Words.Select(w => $"'{w}'")) + (t.Prefix ? ":*" : "") + ")"));

    /// <summary>SQL with its values as parameters ({0}, {1}...), as EF's interpolated SQL makes them.</summary>
    private static FormattableString Sql(string format, params object[] values) => FormattableStringFactory.Create(format, values);

    private sealed class Row
    {
        public int QuestionId { get; set; }

        public double Score { get; set; }

        public string Snippet { get; set; } = "";
    }
}
