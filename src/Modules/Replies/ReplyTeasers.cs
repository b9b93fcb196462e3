using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Replies;

/// <summary>The doctor and reply excerpt of computed similar-question teasers: each question's first reply.</summary>
internal sealed class ReplyTeasers : ITeaserReplies
{
    public async Task<IReadOnlyDictionary<int, TeaserReply>> FirstRepliesAsync(MedQaDbContext db, IReadOnlyCollection<int> questionIds, CancellationToken cancellationToken) =>
        await (from r in db.Set<Reply>()
               join d in db.Set<Doctor>() on r.DoctorId equals d.Id
               join s in db.Set<Specialty>() on d.SpecialtyId equals s.Id
               where questionIds.Contains(r.QuestionId) && r.Position == 0
               select new { r.QuestionId, d.Name, Specialty = s.Name, Excerpt = r.Body.Substring(0, 201) })
            .ToDictionaryAsync(x => x.QuestionId, x => new TeaserReply(x.Name, x.Specialty, SimilarQuestions.Excerpt(x.Excerpt)), cancellationToken);
}
