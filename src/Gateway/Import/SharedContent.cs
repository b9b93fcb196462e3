using MedQA.Faqs;
using MedQA.Kernel;
using MedQA.Kernel.Data;
using MedQA.Replies;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Import;

/// <summary>
/// The content pages share (specialties, doctors, FAQ topics), held in memory for an import session: a page
/// costs a query for these only when it names one not seen before.
/// </summary>
internal sealed class SharedContent
{
    private readonly Dictionary<string, int> _specialties;
    private readonly Dictionary<string, (int Id, int SpecialtyId)> _doctors;
    private readonly Dictionary<(int SpecialtyId, string Topic), int> _faqs;

    private SharedContent(Dictionary<string, int> specialties, Dictionary<string, (int, int)> doctors, Dictionary<(int, string), int> faqs)
    {
        _specialties = specialties;
        _doctors = doctors;
        _faqs = faqs;
    }

    public static async Task<SharedContent> LoadAsync(MedQaDbContext db, CancellationToken cancellationToken) => new(
        await db.Set<Specialty>().AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal, cancellationToken),
        await db.Set<Doctor>().AsNoTracking().ToDictionaryAsync(d => d.Name, d => (d.Id, d.SpecialtyId), StringComparer.Ordinal, cancellationToken),
        (await db.Set<Faq>().AsNoTracking().Select(f => new { f.SpecialtyId, f.Topic, f.Id }).ToListAsync(cancellationToken))
            .ToDictionary(f => (f.SpecialtyId, f.Topic), f => f.Id));

    public async Task<IReadOnlyDictionary<string, int>> SpecialtiesAsync(
        MedQaDbContext db, ImportCommands commands, ParsedPage page, CancellationToken cancellationToken)
    {
        var names = page.Replies.Select(r => r.Specialty).Concat(page.Faqs.Select(f => f.Specialty)).Append(page.Specialty).Distinct();
        foreach (var name in names.Where(n => !_specialties.ContainsKey(n)).ToList())
        {
            var slug = await ImportSession.FreeSlugAsync(db.Set<Specialty>().Select(s => s.Slug), Slug.From(name, "specialty"), cancellationToken);
            _specialties[name] = await commands.InsertReturningKeyAsync(new Specialty { Name = name, Slug = slug }, cancellationToken);
        }
        return _specialties;
    }

    public async Task<IReadOnlyDictionary<string, int>> DoctorsAsync(
        MedQaDbContext db, ImportCommands commands, ParsedPage page, IReadOnlyDictionary<string, int> specialtyIds, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reply in page.Replies)
        {
            var specialtyId = specialtyIds[reply.Specialty];
            if (_doctors.TryGetValue(reply.DoctorName, out var known))
            {
                if (known.SpecialtyId != specialtyId) // a doctor's specialty is the one of their latest reply
                {
                    await db.Set<Doctor>().Where(d => d.Id == known.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.SpecialtyId, specialtyId), cancellationToken);
                    _doctors[reply.DoctorName] = (known.Id, specialtyId);
                }
            }
            else
            {
                _doctors[reply.DoctorName] = (await commands.InsertReturningKeyAsync(new Doctor { Name = reply.DoctorName, SpecialtyId = specialtyId }, cancellationToken), specialtyId);
            }
            ids[reply.DoctorName] = _doctors[reply.DoctorName].Id;
        }
        return ids;
    }

    /// <summary>The page's FAQ topics in page order, each once.</summary>
    public async Task<IReadOnlyList<int>> FaqsAsync(
        ImportCommands commands, ParsedPage page, IReadOnlyDictionary<string, int> specialtyIds, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        foreach (var key in page.Faqs.Select(f => (specialtyIds[f.Specialty], f.Topic)).Distinct())
        {
            if (!_faqs.TryGetValue(key, out var id))
            {
                _faqs[key] = id = await commands.InsertReturningKeyAsync(new Faq { SpecialtyId = key.Item1, Topic = key.Topic }, cancellationToken);
            }
            ids.Add(id);
        }
        return ids;
    }
}
