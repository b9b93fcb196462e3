using MedQA.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Partners;

/// <summary>Creates, lists and revokes partners and registers their documents (the <c>partners</c> verbs).</summary>
public sealed class PartnerAdmin(IDbContextFactory<MedQaDbContext> contexts, PartnerDirectory directory, Schema.MedQaSchema schema)
{
    /// <summary>Creates a partner and returns its key: the only time the key is shown.</summary>
    public async Task<string> AddAsync(string name, IReadOnlyCollection<string> origins, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<Partner>().AnyAsync(p => p.Name == name, cancellationToken))
        {
            throw new PartnerException($"a partner named '{name}' exists already");
        }
        var bad = origins.FirstOrDefault(o => !Uri.TryCreate(o, UriKind.Absolute, out var uri) || uri.GetLeftPart(UriPartial.Authority) != o.TrimEnd('/'));
        if (bad is not null)
        {
            throw new PartnerException($"'{bad}' is not an origin (scheme://host[:port], no path)");
        }
        var key = PartnerKeys.NewKey();
        db.Add(new Partner
        {
            Name = name, KeyHash = PartnerKeys.Hash(key), KeyPrefix = key[..8], CreatedAt = DateTimeOffset.UtcNow,
            Origins = string.Join(' ', origins.Select(o => o.TrimEnd('/'))),
        });
        await db.SaveChangesAsync(cancellationToken);
        await directory.ReloadAsync(cancellationToken);
        return key;
    }

    public async Task<IReadOnlyList<(Partner Partner, int Documents)>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Set<PartnerDocument>().GroupBy(d => d.PartnerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return (await db.Set<Partner>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken))
            .Select(p => (p, counts.GetValueOrDefault(p.Id))).ToList();
    }

    public async Task RevokeAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var revoked = await db.Set<Partner>().Where(p => p.Name == name && p.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.RevokedAt, DateTimeOffset.UtcNow), cancellationToken);
        if (revoked == 0)
        {
            throw new PartnerException($"no active partner named '{name}'");
        }
        await directory.ReloadAsync(cancellationToken);
    }

    /// <summary>
    /// Registers operations from .graphql files for a partner, all or none: each file must hold one valid
    /// operation. Returns each file's document id (<c>sha256:...</c>).
    /// </summary>
    public async Task<IReadOnlyList<(string File, string DocumentId)>> AddDocumentsAsync(string name, IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var partner = await db.Set<Partner>().SingleOrDefaultAsync(p => p.Name == name && p.RevokedAt == null, cancellationToken)
            ?? throw new PartnerException($"no active partner named '{name}'");
        var documents = new List<PartnerDocument>();
        foreach (var file in files)
        {
            var query = File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken) : throw new PartnerException($"{file}: no such file");
            await DocumentCheck.EnsureValidAsync(schema, file, query);
            documents.Add(new PartnerDocument
            {
                PartnerId = partner.Id, DocumentId = PartnerKeys.DocumentId(query), Query = query, Name = Path.GetFileName(file),
            });
        }
        var ids = documents.Select(d => d.DocumentId).ToList();
        await db.Set<PartnerDocument>().Where(d => d.PartnerId == partner.Id && ids.Contains(d.DocumentId)).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(documents);
        await db.SaveChangesAsync(cancellationToken);
        await directory.ReloadAsync(cancellationToken);
        return files.Zip(ids).ToList();
    }
}

/// <summary>A partner command that cannot be carried out; the message says why.</summary>
public sealed class PartnerException(string message) : Exception(message);
