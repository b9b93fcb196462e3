using System.Globalization;
using GraphQL;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using MedQA.Questions.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Questions;

/// <summary>
/// Keyset paging over questions in any <see cref="QuestionOrder"/>, forward and backward: the cursor is the
/// order key and id of an edge, and a page is a range scan from there, so page 2,000 costs what page 1 costs.
/// </summary>
public static partial class QuestionPaging
{
    /// <summary>A page of the questions <paramref name="scope"/> keeps (null: all of them), as the arguments say.</summary>
    public static async Task<Connection<Question>> PageAsync(
        IResolveFieldContext context,
        Func<IQueryable<Question>, MedQaDbContext, IQueryable<Question>>? scope)
    {
        var request = Paging.Request(context, 3);
        var order = context.GetArgument<QuestionOrder?>("order") ?? QuestionOrder.Default;
        var where = context.GetArgument<Dictionary<string, object?>?>("where");
        var filters = where is null ? [] : context.RequestServices!.GetServices<IQuestionFilter>().ToList();
        IQueryable<Question> Filtered(MedQaDbContext db)
        {
            var questions = scope is null ? db.Set<Question>().AsNoTracking() : scope(db.Set<Question>().AsNoTracking(), db);
            return where is null ? questions : filters.Aggregate(questions, (q, filter) => filter.Apply(q, db, where));
        }

        if (order.Field == QuestionOrderField.Relevance && where?.GetValueOrDefault("text") is not string)
        {
            throw ErrorCodes.UserInput("Ordering by RELEVANCE needs a text to be relevant to: give 'where: { text: ... }'.");
        }
        var requestDb = context.Service<RequestDb>();
        var descending = order.EffectiveDirection == SortDirection.Desc ^ request.Backward;
        var rows = await requestDb.RunAsync((db, _) =>
        {
            if (scope is null && where is null && order.Field == QuestionOrderField.AskedOn)
            {
                return ByAskDateAsync(db, request, descending, context);
            }
            var filtered = Filtered(db); // filters check their arguments before any SQL runs
            return order.Field == QuestionOrderField.Relevance
                ? RelevantAsync(filtered, db, SearchQuery.Parse((string)where!["text"]!), request, descending, context)
                : PageAsync(filtered, order.Field, request, descending, context);
        }, context.CancellationToken);
        var more = rows.Count > request.Size;
        var page = rows.Take(request.Size).ToList();
        if (request.Backward)
        {
            page.Reverse();
        }
        var edges = page.Select(r => new Edge<Question>(r.Cursor, r.Question)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: request.Backward ? request.Cursor is not null : more,
            HasPreviousPage: request.Backward ? more : request.Cursor is not null,
            StartCursor: edges.FirstOrDefault()?.Cursor,
            EndCursor: edges.LastOrDefault()?.Cursor);
        return new Connection<Question>(edges, pageInfo,
            cancellationToken => requestDb.RunAsync((db, cancel) => Filtered(db).CountAsync(cancel), cancellationToken));
    }

    private static async Task<List<(Question Question, string Cursor)>> PageAsync(
        IQueryable<Question> filtered, QuestionOrderField field, PageRequest request, bool descending, IResolveFieldContext context)
    {
        var query = request.Cursor is { } cursor ? After(filtered, field, cursor, descending, context) : filtered;
        var rows = await Sorted(query, field, descending).Take(request.Size + 1).SelectFor(context).ToListAsync(context.CancellationToken);
        return rows.Select(q => (q, CursorOf(q, field))).ToList();
    }

    /// <summary>Keyset paging on the search score: the filtered questions joined with the engine's ranking.</summary>
    private static async Task<List<(Question Question, string Cursor)>> RelevantAsync(
        IQueryable<Question> filtered, MedQaDbContext db, SearchQuery text, PageRequest request, bool descending, IResolveFieldContext context)
    {
        var ranked = filtered.Join(context.Service<IQuestionSearch>().Ranked(db, text),
            q => q.Id, r => r.QuestionId, (q, r) => new { q.Id, r.Score });
        if (request.Cursor is { } cursor)
        {
            if (cursor[0] != "r" || !double.TryParse(cursor[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                || !int.TryParse(cursor[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw Paging.BadCursor(context, "it was made for another order than RELEVANCE");
            }
            if (!double.IsFinite(score)) // NaN or infinity: no score the engine gives, and no value SQL can compare
            {
                throw Paging.BadCursor(context, "its score is not a number");
            }
            ranked = descending
                ? ranked.Where(r => r.Score < score || (r.Score == score && r.Id < id))
                : ranked.Where(r => r.Score > score || (r.Score == score && r.Id > id));
        }
        var sorted = descending ? ranked.OrderByDescending(r => r.Score).ThenByDescending(r => r.Id) : ranked.OrderBy(r => r.Score).ThenBy(r => r.Id);
        var hits = await sorted.Take(request.Size + 1).ToListAsync(context.CancellationToken);
        var ids = hits.Select(h => h.Id).ToList();
        var questions = await db.Set<Question>().Where(q => ids.Contains(q.Id)).SelectFor(context).ToDictionaryAsync(q => q.Id, context.CancellationToken);
        return hits.Select(h => (questions[h.Id], Paging.Cursor("r", h.Score.ToString("R", CultureInfo.InvariantCulture), h.Id.ToString(CultureInfo.InvariantCulture)))).ToList();
    }

    private static IQueryable<Question> Sorted(IQueryable<Question> questions, QuestionOrderField field, bool descending) => (field, descending) switch
    {
        (QuestionOrderField.Title, false) => questions.OrderBy(q => q.Title).ThenBy(q => q.Id),
        (QuestionOrderField.Title, true) => questions.OrderByDescending(q => q.Title).ThenByDescending(q => q.Id),
        (_, false) => questions.OrderBy(q => q.AskedOn).ThenBy(q => q.Id),
        _ => questions.OrderByDescending(q => q.AskedOn).ThenByDescending(q => q.Id),
    };

    /// <summary>
    /// The rows past the cursor in the scan's direction. The bound on the first key alone (<c>AskedOn &lt;= x AND
    /// ...</c>) is what lets PostgreSQL seek the index to the cursor: with only the OR form it walked the index from its
    /// start and filtered every row before the cursor. SQLite seeks with either form (DeepPageTests, on both).
    /// </summary>
    private static IQueryable<Question> After(IQueryable<Question> questions, QuestionOrderField field, string[] cursor, bool descending, IResolveFieldContext context)
    {
        var id = IdOf(cursor, field, context);
        if (field == QuestionOrderField.Title)
        {
            var title = cursor[1];
            return descending
                ? questions.Where(q => string.Compare(q.Title, title) <= 0 && (string.Compare(q.Title, title) < 0 || q.Id < id))
                : questions.Where(q => string.Compare(q.Title, title) >= 0 && (string.Compare(q.Title, title) > 0 || q.Id > id));
        }
        var askedOn = AskDateOf(cursor, context);
        return descending
            ? questions.Where(q => q.AskedOn <= askedOn && (q.AskedOn < askedOn || q.Id < id))
            : questions.Where(q => q.AskedOn >= askedOn && (q.AskedOn > askedOn || q.Id > id));
    }

    private static int IdOf(string[] cursor, QuestionOrderField field, IResolveFieldContext context) =>
        cursor[0] == Code(field) && int.TryParse(cursor[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw Paging.BadCursor(context, $"it was made for another order than {field}");

    private static DateOnly AskDateOf(string[] cursor, IResolveFieldContext context) =>
        DateOnly.TryParseExact(cursor[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var askedOn)
            ? askedOn
            : throw Paging.BadCursor(context, "its date is not a date");

    private static string Code(QuestionOrderField field) => field == QuestionOrderField.Title ? "t" : "a";

    private static string CursorOf(Question question, QuestionOrderField field) => Paging.Cursor(
        Code(field),
        field == QuestionOrderField.Title ? question.Title : IsoDateGraphType.Write(question.AskedOn),
        question.Id.ToString(CultureInfo.InvariantCulture));
}
