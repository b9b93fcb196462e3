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
            .Select(x => new ReplyAndDoctor { Reply = x.r, Doctor = x.d }));

    // The same rows without the reply text, for pages that do not show it (a list page: 40 replies).
    private static readonly KeyedQuery<int, ReplyAndDoctor> RepliesWithDoctorsNoBodies = new(
        (db, ids) => db.Set<Reply>().AsNoTracking().Where(r => ids.Contains(r.QuestionId))
            .Join(db.Set<Doctor>().AsNoTracking(), r => r.DoctorId, d => d.Id, (r, d) => new { r, d })
            .OrderBy(x => x.r.QuestionId).ThenBy(x => x.r.Position)
            .Select(x => new ReplyAndDoctor
            {
                Reply = new Reply { Id = x.r.Id, QuestionId = x.r.QuestionId, Position = x.r.Position, DoctorId = x.r.DoctorId, RepliedOn = x.r.RepliedOn, Body = "" },
                Doctor = x.d,
            }));

    public ReplyLoaders(RequestDb requestDb)
    {
        DoctorById = requestDb.Loader<int, Doctor>((db, ids) => db.Set<Doctor>().Where(d => ids.Contains(d.Id)), d => d.Id);
        // Every page that lists replies shows their doctors: the reply query joins them and primes DoctorById,
        // one statement instead of two.
        ByQuestion = ByQuestionLoader(requestDb, RepliesWithDoctors);
        ByQuestionWithoutBodies = ByQuestionLoader(requestDb, RepliesWithDoctorsNoBodies);
        ById = requestDb.Loader<int, Reply>((db, ids) => db.Set<Reply>().Where(r => ids.Contains(r.Id)), r => r.Id);
        DoctorsBySpecialty = requestDb.GroupLoader<int, Doctor>(
            (db, ids) => db.Set<Doctor>().Where(d => ids.Contains(d.SpecialtyId)).OrderBy(d => d.Name), d => d.SpecialtyId, NoDoctors);
    }

    public BatchLoader<int, IReadOnlyList<Reply>> ByQuestion { get; }

    /// <summary>A question's replies with an empty <see cref="Reply.Body"/>: for a selection that does not ask for it.</summary>
    public BatchLoader<int, IReadOnlyList<Reply>> ByQuestionWithoutBodies { get; }

    public BatchLoader<int, Reply?> ById { get; }

    public BatchLoader<int, Doctor?> DoctorById { get; }

    public BatchLoader<int, IReadOnlyList<Doctor>> DoctorsBySpecialty { get; }

    private BatchLoader<int, IReadOnlyList<Reply>> ByQuestionLoader(
        RequestDb requestDb, KeyedQuery<int, ReplyAndDoctor> query) =>
        new((ids, cancellationToken) => requestDb.RunAsync<IReadOnlyDictionary<int, IReadOnlyList<Reply>>>(async (db, cancel) =>
        {
            var rows = await query.Run(db, ids).ToListAsync(cancel);
            DoctorById.Prime(rows.Select(x => KeyValuePair.Create(x.Doctor.Id, (Doctor?)x.Doctor)));
            return rows.GroupBy(x => x.Reply.QuestionId).ToDictionary(g => g.Key, g => (IReadOnlyList<Reply>)g.Select(x => x.Reply).ToList());
        }, cancellationToken), NoReplies);

    private sealed class ReplyAndDoctor
    {
        public required Reply Reply { get; init; }

        public required Doctor Doctor { get; init; }
    }
}
