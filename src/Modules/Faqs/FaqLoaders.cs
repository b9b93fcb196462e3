using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Faqs;

/// <summary>Request-scoped batch loaders for FAQ topics.</summary>
public sealed class FaqLoaders(RequestDb requestDb)
{
    private static readonly IReadOnlyList<FaqOfQuestion> NoLinks = [];
    private static readonly IReadOnlyList<Faq> NoFaqs = [];

    public BatchLoader<int, Faq?> ById { get; } = requestDb.Loader<int, Faq>(
        (db, ids) => db.Set<Faq>().Where(f => ids.Contains(f.Id)), f => f.Id);

    public BatchLoader<int, IReadOnlyList<FaqOfQuestion>> ByQuestion { get; } = requestDb.GroupLoader<int, FaqOfQuestion>(
        (db, ids) => db.Set<QuestionFaq>().Where(l => ids.Contains(l.QuestionId))
            .Join(db.Set<Faq>(), l => l.FaqId, f => f.Id, (l, f) => new { l.QuestionId, l.Position, Faq = f })
            .OrderBy(x => x.Position)
            .Select(x => new FaqOfQuestion(x.QuestionId, x.Faq)),
        l => l.QuestionId, NoLinks);

    public BatchLoader<int, IReadOnlyList<Faq>> BySpecialty { get; } = requestDb.GroupLoader<int, Faq>(
        (db, ids) => db.Set<Faq>().Where(f => ids.Contains(f.SpecialtyId)).OrderBy(f => f.Topic),
        f => f.SpecialtyId, NoFaqs);
}

public sealed record FaqOfQuestion(int QuestionId, Faq Faq);
