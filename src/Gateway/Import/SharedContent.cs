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
    private readonly Dictionary<(string Name, int SpecialtyId), int> _doctors;
    private readonly Dictionary<(int SpecialtyId, string Topic), int> _faqs;

    private SharedContent(Dictionary<string, int> specialties, Dictionary<(string, int), int> doctors, Dictionary<(int, string), int> faqs)
    {
        _specialties = specialties;
        _doctors = doctors;
        _faqs = faqs;
    }

    public static async Task<SharedContent> LoadAsync(MedQaDbContext db, CancellationToken cancellationToken) => new(
        await db.Set<Specialty>().AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal, cancellationToken),
        (await db.Set<Doctor>().AsNoTracking().Select(d => new { d.Name, d.SpecialtyId, d.Id }).ToListAsync(cancellationToken))
            .ToDictionary(d => (d.Name, d.SpecialtyId), d => d.Id),
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

    /// <summary>
    /// The page's doctors by name and reply specialty. A doctor is a name within a specialty: the same name under
    /// another specialty is another doctor, and nothing a page says changes a known doctor.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Name, string Specialty), int>> DoctorsAsync(
        ImportCommands commands, ParsedPage page, IReadOnlyDictionary<string, int> specialtyIds, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<(string, string), int>();
        foreach (var reply in page.Replies)
        {
            var key = (reply.DoctorName, specialtyIds[reply.Specialty]);
            if (!_doctors.TryGetValue(key, out var id))
            {
                _doctors[key] = id = await commands.InsertReturningKeyAsync(new Doctor { Name = reply.DoctorName, SpecialtyId = key.Item2 }, cancellationToken);
            }
            ids[(reply.DoctorName, reply.Specialty)] = id;
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
