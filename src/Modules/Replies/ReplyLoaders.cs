using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Replies;

/// <summary>Request-scoped batch loaders for replies and doctors.</summary>
public sealed class ReplyLoaders(IDbContextFactory<MedQaDbContext> contexts)
{
    private static readonly IReadOnlyList<Reply> NoReplies = [];
    private static readonly IReadOnlyList<Doctor> NoDoctors = [];

    public BatchLoader<int, IReadOnlyList<Reply>> ByQuestion { get; } = contexts.GroupLoader<int, Reply>(
        (db, ids) => db.Set<Reply>().Where(r => ids.Contains(r.QuestionId)).OrderBy(r => r.Position),
        r => r.QuestionId, NoReplies);

    public BatchLoader<int, Reply?> ById { get; } = contexts.Loader<int, Reply>(
        (db, ids) => db.Set<Reply>().Where(r => ids.Contains(r.Id)), r => r.Id);

    public BatchLoader<int, Doctor?> DoctorById { get; } = contexts.Loader<int, Doctor>(
        (db, ids) => db.Set<Doctor>().Where(d => ids.Contains(d.Id)), d => d.Id);

    public BatchLoader<int, IReadOnlyList<Doctor>> DoctorsBySpecialty { get; } = contexts.GroupLoader<int, Doctor>(
        (db, ids) => db.Set<Doctor>().Where(d => ids.Contains(d.SpecialtyId)).OrderBy(d => d.Name),
        d => d.SpecialtyId, NoDoctors);
}
