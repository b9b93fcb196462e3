using MedQA.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// The plugin values one GraphQL request reads: the sections of every plugin at one level of the query come from
/// one statement (all plugins' records for those contents, on the request's <see cref="RequestDb"/>) instead of a
/// statement per plugin. <see cref="EnrichmentLoaders"/> makes it current while a plugin loads, and
/// <see cref="PluginStore"/> reads through it; each plugin still sees only its own values.
/// </summary>
internal sealed class PluginRecordBatch(RequestDb requestDb)
{
    private static readonly AsyncLocal<PluginRecordBatch?> CurrentBatch = new();

    // One compiled query per content type (four at most), with the content type a constant in it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, KeyedQuery<int, PluginRecord>> Records = new();

    private static KeyedQuery<int, PluginRecord> RecordsOf(string contentType) => Records.GetOrAdd(contentType, type =>
        new((db, ids) => db.Set<PluginRecord>().AsNoTracking().Where(r => r.ContentType == type && ids.Contains(r.ContentId))));
    private readonly Dictionary<(string ContentType, int ContentId), Task<IReadOnlyList<PluginRecord>>> _records = [];
    private readonly Lock _lock = new();

    /// <summary>The batch of the request whose plugin section is loading, if any.</summary>
    public static PluginRecordBatch? Current
    {
        get => CurrentBatch.Value;
        set => CurrentBatch.Value = value;
    }

    public async Task<IReadOnlyList<PluginRecord>> RecordsAsync(string contentType, IReadOnlyCollection<int> contentIds, CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<PluginRecord>>[] pending;
        lock (_lock)
        {
            var missing = contentIds.Where(id => !_records.ContainsKey((contentType, id))).Distinct().ToList();
            if (missing.Count > 0)
            {
                // Not cancelled by the first caller's time budget: the other plugins wait for the same rows.
                var rows = LoadAsync(contentType, missing);
                foreach (var id in missing)
                {
                    _records[(contentType, id)] = Of(rows, id);
                }
            }
            pending = contentIds.Select(id => _records[(contentType, id)]).ToArray();
        }
        var records = await Task.WhenAll(pending).WaitAsync(cancellationToken);
        return records.SelectMany(r => r).ToList();
    }

    private async Task<ILookup<int, PluginRecord>> LoadAsync(string contentType, List<int> ids) =>
        (await requestDb.RunAsync((db, cancel) => RecordsOf(contentType).Run(db, ids).ToListAsync(cancel).AsTask(), CancellationToken.None))
        .ToLookup(r => r.ContentId);

    private static async Task<IReadOnlyList<PluginRecord>> Of(Task<ILookup<int, PluginRecord>> rows, int id) => (await rows)[id].ToList();
}
