using System.Diagnostics;
using MedQA.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Partners;

/// <summary>A partner as requests see it: allowed documents and origins. Revoked partners are not in it.</summary>
public sealed record ActivePartner(string Name, IReadOnlyDictionary<string, string> Documents, IReadOnlySet<string> Origins);

/// <summary>
/// The active partners and first-party apps' registered documents, held in memory and reloaded every <c>MedQA:Partners:RefreshSeconds</c>, so checking a key
/// costs no SQL. A key revoked from the command line stops working within that time.
/// </summary>
public sealed class PartnerDirectory(IDbContextFactory<MedQaDbContext> contexts)
{
    private volatile Snapshot _snapshot = new(new Dictionary<string, ActivePartner>(), new HashSet<string>(), new Dictionary<string, string>());

    public ActivePartner? FindByKey(string key) => _snapshot.ByKeyHash.GetValueOrDefault(PartnerKeys.Hash(key));

    /// <summary>Whether any partner lists this browser origin (for CORS preflights, which carry no key).</summary>
    public bool IsPartnerOrigin(string origin) => _snapshot.Origins.Contains(origin);

    /// <summary>The text of a first-party app's registered document (<see cref="AppDocument"/>), by its id; null if none.</summary>
    public string? FindAppDocument(string documentId) => _snapshot.AppDocuments.GetValueOrDefault(documentId);

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var partners = await db.Set<Partner>().AsNoTracking().Where(p => p.RevokedAt == null).ToListAsync(cancellationToken);
        var documents = (await db.Set<PartnerDocument>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(d => d.PartnerId);
        var byKey = partners.ToDictionary(p => p.KeyHash, p => new ActivePartner(
            p.Name,
            documents[p.Id].ToDictionary(d => d.DocumentId, d => d.Query),
            p.Origins.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)));
        var appDocuments = (await db.Set<AppDocument>().AsNoTracking().Select(d => new { d.DocumentId, d.Query }).ToListAsync(cancellationToken))
            .DistinctBy(d => d.DocumentId).ToDictionary(d => d.DocumentId, d => d.Query, StringComparer.Ordinal);
        _snapshot = new Snapshot(byKey, byKey.Values.SelectMany(p => p.Origins).ToHashSet(StringComparer.Ordinal), appDocuments);
    }

    private sealed record Snapshot(
        IReadOnlyDictionary<string, ActivePartner> ByKeyHash, IReadOnlySet<string> Origins, IReadOnlyDictionary<string, string> AppDocuments);
}

/// <summary>
/// Reloads the partner directory at start and then periodically. While reloading fails (the database is away), the
/// first failure is an error with its stack trace, then one warning a minute says it still fails, and a line says
/// when it works again: an outage writes a handful of lines, not one every period.
/// </summary>
public sealed class PartnerDirectoryRefresh(PartnerDirectory directory, IConfiguration configuration, ILogger<PartnerDirectoryRefresh> logger) : BackgroundService
{
    /// <summary>How often a failure that lasts is logged again.</summary>
    public TimeSpan RepeatEvery { get; init; } = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("MedQA:Partners:RefreshSeconds", 5)));
        using var timer = new PeriodicTimer(period);
        var failures = 0; // in a row; the outage's first at failingSince, the last logged at lastLogged
        long failingSince = 0, lastLogged = 0;
        do
        {
            try
            {
                await directory.ReloadAsync(stoppingToken);
                if (failures > 0)
                {
                    logger.LogInformation("Reloading the partner directory works again, after {Failures} failed reloads in {Seconds:0} s",
                        failures, Stopwatch.GetElapsedTime(failingSince).TotalSeconds);
                    failures = 0;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var now = Stopwatch.GetTimestamp();
                if (failures++ == 0)
                {
                    (failingSince, lastLogged) = (now, now);
                    logger.LogError(e, "Reloading the partner directory failed; the previous one stays in use");
                }
                else if (Stopwatch.GetElapsedTime(lastLogged, now) >= RepeatEvery)
                {
                    lastLogged = now;
                    logger.LogWarning("Reloading the partner directory still fails ({Failures} failed reloads in {Seconds:0} s; the previous one stays in use): {Error}",
                        failures, Stopwatch.GetElapsedTime(failingSince, now).TotalSeconds, e.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
