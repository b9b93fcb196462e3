using GraphQL;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Replies;

/// <summary>Request-scoped batch loaders for replies and doctors.</summary>
public sealed class ReplyLoaders
{
    private static readonly IReadOnlyList<Reply> NoReplies = [];
    private static readonly IReadOnlyList<Doctor> NoDoctors = [];

    private static readonly KeyedQuery<int, ReplyAndDoctor> RepliesWithDoctors = new(
        (db, ids) => db.Set<Reply>().AsNoTracking().Where(r => ids.Contains(r.QuestionId))
            .Join(db.Set<Doctor>().AsNoTracking(), r => r.DoctorId, d => d.Id, (r, d) => new { r, d })
            .OrderBy(x => x.r.QuestionId).ThenBy(x => x.r.Position)
            .Select(x => new ReplyAndDoctor(x.r, x.d)));

    // The same replies without their text, for pages that do not show it (a list page: 40 replies), as plain
    // columns: the doctor's id is the reply's, no empty body is read for every row, and the position is the row's
    // place among its question's replies (the order the query reads them in), not a column.
    private static readonly KeyedQuery<int, ListedReply> ListedReplies = new(
        (db, ids) => db.Set<Reply>().AsNoTracking().Where(r => ids.Contains(r.QuestionId))
            .Join(db.Set<Doctor>().AsNoTracking(), r => r.DoctorId, d => d.Id, (r, d) => new { r, d })
            .OrderBy(x => x.r.QuestionId).ThenBy(x => x.r.Position)
            .Select(x => new ListedReply
            {
                Id = x.r.Id, QuestionId = x.r.QuestionId, DoctorId = x.r.DoctorId,
                RepliedOn = x.r.RepliedOn, DoctorName = x.d.Name, DoctorSpecialtyId = x.d.SpecialtyId,
            }));

    private readonly SelectionReads _reads;

    public ReplyLoaders(RequestDb requestDb, SelectionReads reads)
    {
        _reads = reads;
        DoctorById = requestDb.Loader<int, Doctor>((db, ids) => db.Set<Doctor>().Where(d => ids.Contains(d.Id)), d => d.Id);
        // Every page that lists replies shows their doctors: the reply query joins them and each reply carries its
        // own, one statement instead of two. The reference execution (reads not following the selection) looks each
        // doctor up by id instead, so the join is checked against a query of its own.
        ByQuestion = ByQuestionLoader(requestDb, RepliesWithDoctors, row => row, positionFromOrder: false);
        ByQuestionWithoutBodies = ByQuestionLoader(requestDb, ListedReplies, row => row.WithDoctor(), positionFromOrder: true);
        ById = requestDb.Loader<int, Reply>((db, ids) => db.Set<Reply>().Where(r => ids.Contains(r.Id)), r => r.Id);
        BodyById = new((ids, cancellationToken) => requestDb.RunAsync<IReadOnlyDictionary<int, string>>(async (db, cancel) =>
            await db.Set<Reply>().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Body })
                .ToDictionaryAsync(r => r.Id, r => r.Body, cancel), cancellationToken), "");
        DoctorsBySpecialty = requestDb.GroupLoader<int, Doctor>(
            (db, ids) => db.Set<Doctor>().Where(d => ids.Contains(d.SpecialtyId)).OrderBy(d => d.Name), d => d.SpecialtyId, NoDoctors);
    }

    public BatchLoader<int, IReadOnlyList<Reply>> ByQuestion { get; }

    /// <summary>
    /// A question's replies without their text (<see cref="Reply.Body"/> null: <c>Reply.body</c> loads it by id if
    /// it is asked for after all): for a selection that does not ask for it.
    /// </summary>
    public BatchLoader<int, IReadOnlyList<Reply>> ByQuestionWithoutBodies { get; }

    /// <summary>The text of replies read without it.</summary>
    public BatchLoader<int, string> BodyById { get; }

    /// <summary>The replies loader for <c>Question.replies</c>: with their text when the selection asks for <c>body</c>.</summary>
    public BatchLoader<int, IReadOnlyList<Reply>> ByQuestionFor(IResolveFieldContext replies) =>
        _reads.MayLeaveOut(replies, "body") ? ByQuestionWithoutBodies : ByQuestion;

    public BatchLoader<int, Reply?> ById { get; }

    public BatchLoader<int, Doctor?> DoctorById { get; }

    public BatchLoader<int, IReadOnlyList<Doctor>> DoctorsBySpecialty { get; }

    private BatchLoader<int, IReadOnlyList<Reply>> ByQuestionLoader<TRow>(
        RequestDb requestDb, KeyedQuery<int, TRow> query, Func<TRow, ReplyAndDoctor> read, bool positionFromOrder) =>
        new((ids, cancellationToken) => requestDb.RunAsync<IReadOnlyDictionary<int, IReadOnlyList<Reply>>>(async (db, cancel) =>
        {
            var rows = (await query.Run(db, ids).ToListAsync(cancel)).ConvertAll(row => read(row));
            var byQuestion = new Dictionary<int, IReadOnlyList<Reply>>(ids.Count);
            List<Reply>? replies = null;
            foreach (var (reply, doctor) in rows) // ordered by question
            {
                if (_reads.Enabled)
                {
                    reply.Doctor = doctor;
                }
                if (replies is null || replies[0].QuestionId != reply.QuestionId)
                {
                    byQuestion.Add(reply.QuestionId, replies = []);
                }
                if (positionFromOrder)
                {
                    reply.Position = replies.Count;
                }
                replies.Add(reply);
            }
            return byQuestion;
        }, cancellationToken), NoReplies);

    private sealed record ReplyAndDoctor(Reply Reply, Doctor Doctor);

    private sealed class ListedReply
    {
        public int Id { get; init; }

        public int QuestionId { get; init; }

        public int DoctorId { get; init; }

        public DateOnly RepliedOn { get; init; }

        public required string DoctorName { get; init; }

        public int DoctorSpecialtyId { get; init; }

        public ReplyAndDoctor WithDoctor() => new(
            new Reply { Id = Id, QuestionId = QuestionId, DoctorId = DoctorId, RepliedOn = RepliedOn, Body = null! },
            new Doctor { Id = DoctorId, Name = DoctorName, SpecialtyId = DoctorSpecialtyId });
    }
}
