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

    // Whole rows, in page order: what the reference execution reads (reads not following the selection). Their
    // doctors are looked up by id, so the joins below are checked against queries of their own.
    private static readonly KeyedQuery<int, Reply> WholeReplies = new(
        (db, ids) => db.Set<Reply>().AsNoTracking().Where(r => ids.Contains(r.QuestionId)).OrderBy(r => r.QuestionId).ThenBy(r => r.Position));

    // Every page that lists replies shows their doctors: the reply query joins them and each reply carries its own,
    // one statement instead of two.
    private static readonly KeyedQuery<int, Reply> RepliesWithDoctors = new(
        (db, ids) => db.Set<Reply>().AsNoTracking().Where(r => ids.Contains(r.QuestionId))
            .Join(db.Set<Doctor>().AsNoTracking(), r => r.DoctorId, d => d.Id, (r, d) => new { r, d })
            .OrderBy(x => x.r.QuestionId).ThenBy(x => x.r.Position)
            .Select(x => WithDoctor(x.r, x.d)));

    // The same replies without their text, for pages that do not show it (a list page: 40 replies), as plain
    // columns made into replies as they are read (each column read once): the doctor's id is the reply's, no empty
    // body is read for every row, and the position is the row's place among its question's replies (the order the
    // query reads them in), not a column.
    private static readonly KeyedQuery<int, Reply> ListedReplies = new(
        (db, ids) => db.Set<Reply>().AsNoTracking().Where(r => ids.Contains(r.QuestionId))
            .Join(db.Set<Doctor>().AsNoTracking(), r => r.DoctorId, d => d.Id, (r, d) => new { r, d })
            .OrderBy(x => x.r.QuestionId).ThenBy(x => x.r.Position)
            .Select(x => Listed(x.r.Id, x.r.QuestionId, x.r.DoctorId, x.r.RepliedOn, x.d.Name, x.d.SpecialtyId)));

    private readonly SelectionReads _reads;

    public ReplyLoaders(RequestDb requestDb, SelectionReads reads)
    {
        _reads = reads;
        DoctorById = requestDb.Loader<int, Doctor>((db, ids) => db.Set<Doctor>().Where(d => ids.Contains(d.Id)), d => d.Id);
        ByQuestion = ByQuestionLoader(requestDb, WholeReplies, positionFromOrder: false);
        ByQuestionWithDoctors = ByQuestionLoader(requestDb, RepliesWithDoctors, positionFromOrder: false);
        ByQuestionWithoutBodies = ByQuestionLoader(requestDb, ListedReplies, positionFromOrder: true);
        ById = requestDb.Loader<int, Reply>((db, ids) => db.Set<Reply>().Where(r => ids.Contains(r.Id)), r => r.Id);
        BodyById = new((ids, cancellationToken) => requestDb.RunAsync<IReadOnlyDictionary<int, string>>(async (db, cancel) =>
            await db.Set<Reply>().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Body })
                .ToDictionaryAsync(r => r.Id, r => r.Body, cancel), cancellationToken), "");
        DoctorsBySpecialty = requestDb.GroupLoader<int, Doctor>(
            (db, ids) => db.Set<Doctor>().Where(d => ids.Contains(d.SpecialtyId)).OrderBy(d => d.Name), d => d.SpecialtyId, NoDoctors);
    }

    /// <summary>A question's replies, whole rows (their doctors looked up by id): the reference execution's.</summary>
    public BatchLoader<int, IReadOnlyList<Reply>> ByQuestion { get; }

    /// <summary>A question's replies with their doctors, in one statement.</summary>
    public BatchLoader<int, IReadOnlyList<Reply>> ByQuestionWithDoctors { get; }

    /// <summary>
    /// A question's replies without their text (<see cref="Reply.Body"/> null: <c>Reply.body</c> loads it by id if
    /// it is asked for after all), with their doctors: for a selection that does not ask for it.
    /// </summary>
    public BatchLoader<int, IReadOnlyList<Reply>> ByQuestionWithoutBodies { get; }

    /// <summary>The text of replies read without it.</summary>
    public BatchLoader<int, string> BodyById { get; }

    /// <summary>
    /// The replies loader for <c>Question.replies</c>: whole rows when reads may not follow the selection, else with
    /// their doctors, and with their text only when the selection asks for <c>body</c>.
    /// </summary>
    public BatchLoader<int, IReadOnlyList<Reply>> ByQuestionFor(IResolveFieldContext replies) =>
        !_reads.Enabled ? ByQuestion : replies.Selects("body") ? ByQuestionWithDoctors : ByQuestionWithoutBodies;

    public BatchLoader<int, Reply?> ById { get; }

    public BatchLoader<int, Doctor?> DoctorById { get; }

    public BatchLoader<int, IReadOnlyList<Doctor>> DoctorsBySpecialty { get; }

    private static BatchLoader<int, IReadOnlyList<Reply>> ByQuestionLoader(
        RequestDb requestDb, KeyedQuery<int, Reply> query, bool positionFromOrder) =>
        new((ids, cancellationToken) => requestDb.RunAsync<IReadOnlyDictionary<int, IReadOnlyList<Reply>>>(async (db, cancel) =>
        {
            var byQuestion = new Dictionary<int, IReadOnlyList<Reply>>(ids.Count);
            List<Reply>? replies = null;
            await foreach (var reply in query.Run(db, ids).WithCancellation(cancel)) // ordered by question
            {
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

    // Made as each row is read (methods EF cannot translate, at the top of the projection: each column read once).
    private static Reply WithDoctor(Reply reply, Doctor doctor)
    {
        reply.Doctor = doctor;
        return reply;
    }

    private static Reply Listed(int id, int questionId, int doctorId, DateOnly repliedOn, string doctorName, int doctorSpecialtyId) => new()
    {
        Id = id, QuestionId = questionId, DoctorId = doctorId, RepliedOn = repliedOn, Body = null!,
        Doctor = new Doctor { Id = doctorId, Name = doctorName, SpecialtyId = doctorSpecialtyId },
    };
}
