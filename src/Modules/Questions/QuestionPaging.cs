using System.Globalization;
using GraphQL;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Questions;

/// <summary>
/// Keyset paging over questions, newest first (ask date, then id, both descending): a page deep in the list costs
/// what the first one costs, and the cursor is the last row's (ask date, id).
/// </summary>
public static class QuestionPaging
{
    public static async Task<Connection<Question>> PageAsync(
        IDbContextFactory<MedQaDbContext> contexts,
        IResolveFieldContext context,
        Func<IQueryable<Question>, MedQaDbContext, IQueryable<Question>> filter)
    {
        var first = Paging.First(context);
        (DateOnly AskedOn, int Id)? after = Paging.After(context, 2) is { } parts ? ParseCursor(parts, context) : null;
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        var query = filter(db.Set<Question>().AsNoTracking(), db);
        if (after is { } cursor)
        {
            var (askedOn, id) = cursor;
            query = query.Where(q => q.AskedOn < askedOn || (q.AskedOn == askedOn && q.Id < id));
        }
        var rows = await query.OrderByDescending(q => q.AskedOn).ThenByDescending(q => q.Id)
            .Take(first + 1).ToListAsync(context.CancellationToken);
        var edges = rows.Take(first).Select(q => new Edge<Question>(CursorOf(q), q)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: rows.Count > first,
            HasPreviousPage: after is not null,
            StartCursor: edges.FirstOrDefault()?.Cursor,
            EndCursor: edges.LastOrDefault()?.Cursor);
        return new Connection<Question>(edges, pageInfo, async cancellationToken =>
        {
            await using var countDb = await contexts.CreateDbContextAsync(cancellationToken);
            return await filter(countDb.Set<Question>(), countDb).CountAsync(cancellationToken);
        });
    }

    private static string CursorOf(Question question) =>
        Paging.Cursor(question.AskedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            question.Id.ToString(CultureInfo.InvariantCulture));

    private static (DateOnly AskedOn, int Id) ParseCursor(string[] parts, IResolveFieldContext context) =>
        DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var askedOn)
        && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (askedOn, id)
            : throw ErrorCodes.UserInput($"'after' is not a cursor of this connection: '{context.GetArgument<string>("after")}'.");
}
