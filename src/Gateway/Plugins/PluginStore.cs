using System.Text.Json;
using MedQA.Kernel.Data;
using MedQA.Plugins;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// A plugin's view of the values it stored at import, its own rows only: read through the request's
/// <see cref="PluginRecordBatch"/> when a GraphQL request is loading its section, else with a query of its own.
/// </summary>
internal sealed class PluginStore(string plugin, IDbContextFactory<MedQaDbContext> contexts) : IPluginStore
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyDictionary<int, T>> GetAsync<T>(
        string key, ContentType contentType, IReadOnlyCollection<int> contentIds, CancellationToken cancellationToken)
    {
        var type = contentType.ToString();
        if (PluginRecordBatch.Current is { } batch)
        {
            return (await batch.RecordsAsync(type, contentIds, cancellationToken))
                .Where(r => r.Plugin == plugin && r.Key == key)
                .ToDictionary(r => r.ContentId, r => JsonSerializer.Deserialize<T>(r.Json, Json)!);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<PluginRecord>().AsNoTracking()
            .Where(r => r.Plugin == plugin && r.ContentType == type && r.Key == key && contentIds.Contains(r.ContentId))
            .Select(r => new { r.ContentId, r.Json })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ContentId, r => JsonSerializer.Deserialize<T>(r.Json, Json)!);
    }
}
