using MedQA.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Partners;

/// <summary>Creates, lists and revokes partners and registers their documents (the <c>partners</c> verbs).</summary>
public sealed class PartnerAdmin(IDbContextFactory<MedQaDbContext> contexts, Replicas.ICatalogueChanges changes, Schema.MedQaSchema schema)
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
        await changes.PublishAsync(Replicas.CatalogueChange.Partners, cancellationToken);
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
        await changes.PublishAsync(Replicas.CatalogueChange.Partners, cancellationToken);
    }

    /// <summary>
    /// Registers a first-party app's trusted documents, all or none: .graphql files (one query each) or JSON manifests
    /// mapping hashes to documents, as GraphQL Code Generator's client preset writes <c>persisted-documents.json</c>
    /// (a hash must be the document's SHA-256). Returns each document's id and where it came from.
    /// </summary>
    public async Task<IReadOnlyList<(string Source, string DocumentId)>> AddAppDocumentsAsync(string app, IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        if (app.Length is 0 or > 100)
        {
            throw new PartnerException("an app name has 1 to 100 characters");
        }
        var documents = new List<AppDocument>();
        foreach (var file in files)
        {
            var text = File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken) : throw new PartnerException($"{file}: no such file");
            foreach (var (source, query, declared) in file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Manifest(file, text) : [(file, text, null)])
            {
                var id = PartnerKeys.DocumentId(query);
                if (declared is not null && declared != id)
                {
                    throw new PartnerException($"{source}: the hash is not the SHA-256 of its document ({id})");
                }
                await DocumentCheck.EnsureValidAsync(schema, source, query);
                documents.Add(new AppDocument { App = app, DocumentId = id, Query = query, Name = Path.GetFileName(source), CreatedAt = DateTimeOffset.UtcNow });
            }
        }
        documents = documents.DistinctBy(d => d.DocumentId).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = documents.Select(d => d.DocumentId).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<AppDocument>().Where(d => d.App == app && ids.Contains(d.DocumentId)).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(documents);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await changes.PublishAsync(Replicas.CatalogueChange.Partners, cancellationToken);
        return documents.Select(d => (d.Name, d.DocumentId)).ToList();
    }

    /// <summary>The apps and how many documents each has registered.</summary>
    public async Task<IReadOnlyList<(string App, int Documents)>> ListAppsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Set<AppDocument>().GroupBy(d => d.App).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, a.Count)).ToList();
    }

    /// <summary>A manifest's entries: <c>{ "&lt;sha256 hex&gt;": "query ..." }</c> (the key may carry "sha256:").</summary>
    private static IEnumerable<(string Source, string Query, string? Declared)> Manifest(string file, string text)
    {
        System.Text.Json.JsonDocument json;
        try
        {
            json = System.Text.Json.JsonDocument.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new PartnerException($"{file}:{(e.LineNumber ?? 0) + 1}: not a JSON manifest ({e.Message.Split(" Path:")[0]})");
        }
        using (json)
        {
            if (json.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                throw new PartnerException($"{file}:1: a manifest is a JSON object mapping each document's hash to its text");
            }
            var entries = new List<(string, string, string?)>();
            foreach (var entry in json.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != System.Text.Json.JsonValueKind.String)
                {
                    throw new PartnerException($"{file}: the entry '{entry.Name}' is not a document (a string)");
                }
                entries.Add(($"{file} [{entry.Name}]", entry.Value.GetString()!, entry.Name.StartsWith("sha256:", StringComparison.Ordinal) ? entry.Name : "sha256:" + entry.Name));
            }
            return entries;
        }
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
        await changes.PublishAsync(Replicas.CatalogueChange.Partners, cancellationToken);
        return files.Zip(ids).ToList();
    }
}

/// <summary>A partner command that cannot be carried out; the message says why.</summary>
public sealed class PartnerException(string message) : Exception(message);
