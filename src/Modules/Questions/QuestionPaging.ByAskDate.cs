using System.Linq.Expressions;
using GraphQL;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Questions;

public static partial class QuestionPaging
{
    // The list every frontend opens first (all questions by ask date, either way, from the start or after a
    // cursor), compiled once per projection: EF then neither re-walks the expression tree nor rebuilds the SQL per
    // request.
    private static readonly AskDateQueries Full = new(QuestionProjection.WithoutBody);
    private static readonly AskDateQueries Cards = new(QuestionProjection.Card);
    private static readonly AskDateQueries Whole = new(QuestionProjection.Whole);

    /// <summary>The same rows <see cref="After"/> and <see cref="Sorted"/> select for this case, compiled.</summary>
    private static async Task<List<(Question Question, string Cursor)>> ByAskDateAsync(
        MedQaDbContext db, PageRequest request, bool descending, IResolveFieldContext context)
    {
        var take = request.Size + 1;
        var projection = QuestionProjection.For(context);
        var queries = projection == QuestionProjection.Card ? Cards : projection == QuestionProjection.Whole ? Whole : Full;
        IAsyncEnumerable<Question> rows;
        if (request.Cursor is { } cursor)
        {
            var (id, askedOn) = (IdOf(cursor, QuestionOrderField.AskedOn, context), AskDateOf(cursor, context));
            rows = descending ? queries.OlderThan(db, askedOn, id, take) : queries.NewerThan(db, askedOn, id, take);
        }
        else
        {
            rows = descending ? queries.Newest(db, take) : queries.Oldest(db, take);
        }
        var page = await rows.ToListAsync(context.CancellationToken);
        return page.Select(q => (q, CursorOf(q, QuestionOrderField.AskedOn))).ToList();
    }

    private sealed class AskDateQueries(Expression<Func<Question, Question>> projection)
    {
        public Func<MedQaDbContext, int, IAsyncEnumerable<Question>> Newest { get; } = EF.CompileAsyncQuery(
            (MedQaDbContext db, int take) => db.Set<Question>().AsNoTracking()
                .OrderByDescending(q => q.AskedOn).ThenByDescending(q => q.Id).Take(take).Select(projection));

        public Func<MedQaDbContext, int, IAsyncEnumerable<Question>> Oldest { get; } = EF.CompileAsyncQuery(
            (MedQaDbContext db, int take) => db.Set<Question>().AsNoTracking()
                .OrderBy(q => q.AskedOn).ThenBy(q => q.Id).Take(take).Select(projection));

        public Func<MedQaDbContext, DateOnly, int, int, IAsyncEnumerable<Question>> OlderThan { get; } = EF.CompileAsyncQuery(
            (MedQaDbContext db, DateOnly askedOn, int id, int take) => db.Set<Question>().AsNoTracking()
                .Where(q => q.AskedOn <= askedOn && (q.AskedOn < askedOn || q.Id < id))
                .OrderByDescending(q => q.AskedOn).ThenByDescending(q => q.Id).Take(take).Select(projection));

        public Func<MedQaDbContext, DateOnly, int, int, IAsyncEnumerable<Question>> NewerThan { get; } = EF.CompileAsyncQuery(
            (MedQaDbContext db, DateOnly askedOn, int id, int take) => db.Set<Question>().AsNoTracking()
                .Where(q => q.AskedOn >= askedOn && (q.AskedOn > askedOn || q.Id > id))
                .OrderBy(q => q.AskedOn).ThenBy(q => q.Id).Take(take).Select(projection));
    }
}
