using MedQA.Gateway.Import;
using MedQA.Kernel.Data;
using MedQA.Questions;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// Stores a plugin's import values for the pages already in the catalogue (the <c>plugins backfill</c> verb): its
/// parsers read each question's stored article sections, as they read a page's at import, and its values replace the
/// ones it had. Pages imported while the plugin was not installed or disabled get their values this way.
/// </summary>
public sealed class PluginBackfill(IDbContextFactory<MedQaDbContext> contexts, PluginCatalog catalog, ILogger<PluginBackfill> logger)
{
    private const int BatchSize = 500;

    /// <summary>Backfills one active plugin; returns the pages read and the values stored.</summary>
    public async Task<(int Pages, int Values)> RunAsync(string name, CancellationToken cancellationToken = default)
    {
        var plugin = catalog.Active.FirstOrDefault(p => p.Name == name) ?? throw new PluginBackfillException(
            catalog.Plugins.FirstOrDefault(p => p.Name == name) is { } known
                ? $"the plugin '{name}' is {known.Status.ToString().ToUpperInvariant()}, not active"
                : $"there is no plugin named '{name}' (plugins: {string.Join(", ", catalog.Plugins.Select(p => p.Name).Order(StringComparer.Ordinal))})");
        if (plugin.Parsers.Count == 0)
        {
            throw new PluginBackfillException($"the plugin '{name}' stores nothing at import: there is nothing to backfill");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reader = new ContentReader(contexts);
        var (after, pages, values) = (0, 0, 0);
        while (true)
        {
            var ids = await db.Set<Article>().AsNoTracking().Where(a => a.QuestionId > after).OrderBy(a => a.QuestionId).Take(BatchSize)
                .Select(a => a.QuestionId).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return (pages, values);
            }
            after = ids[^1];
            var questions = await reader.QuestionsAsync(ids, cancellationToken); // the page as parsers saw it at import
            var records = ids.Where(questions.ContainsKey).SelectMany(id => ImportSession.PluginValuesOf([plugin],
                    Context(questions[id]), [.. questions[id].Article!.Sections.Select(s => new ParsedSection(s.Heading, s.Body, ArticleParser.Items(s.Body)))],
                    logger)
                .Select(v => new PluginRecord
                {
                    Plugin = v.Plugin, ContentType = nameof(MedQA.Plugins.ContentType.Question), ContentId = id, Key = v.Key, Json = v.Json,
                })).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Set<PluginRecord>()
                .Where(r => r.Plugin == name && r.ContentType == nameof(MedQA.Plugins.ContentType.Question) && ids.Contains(r.ContentId))
                .ExecuteDeleteAsync(cancellationToken);
            db.AddRange(records);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            (pages, values) = (pages + ids.Count, values + records.Count);
        }
    }

    private static MedQA.Plugins.ImportedPageContext Context(MedQA.Plugins.QuestionContent q) => new(
        q.Title, q.Headline, q.Body, q.AskedOn, q.Specialty, q.Asker,
        [.. q.Replies.Select(r => new MedQA.Plugins.ImportedReply(r.Doctor, r.DoctorSpecialty, r.Body, r.RepliedOn))], q.Article!);
}

/// <summary>A backfill that cannot run; the message says why.</summary>
public sealed class PluginBackfillException(string message) : Exception(message);

/// <summary>
/// At a server's start: a plugin active on this catalogue for the first time (no record of an earlier start with it,
/// and no value of its own stored) gets its values for the pages already imported, before anything is served, so a
/// plugin installed on a running site serves its sections at once instead of only for pages imported after it.
/// </summary>
public static class PluginActivation
{
    public static async Task ActivatePluginsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var catalog = services.GetRequiredService<PluginCatalog>();
        var logger = services.GetRequiredService<ILogger<PluginBackfill>>();
        await using var db = await services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync(cancellationToken);
        var known = (await db.Set<PluginClaim>().AsNoTracking().Where(c => c.Kind == PluginClaim.ActiveKind).Select(c => c.Name).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var plugin in catalog.Active.Where(p => !known.Contains(p.Name)))
        {
            try
            {
                if (plugin.Parsers.Count > 0
                    && !await db.Set<PluginRecord>().AnyAsync(r => r.Plugin == plugin.Name, cancellationToken)
                    && await db.Set<Question>().AnyAsync(cancellationToken))
                {
                    logger.LogInformation("Plugin {Plugin} is active on this catalogue for the first time: storing its values for the pages already imported", plugin.Name);
                    var (pages, values) = await services.GetRequiredService<PluginBackfill>().RunAsync(plugin.Name, cancellationToken);
                    logger.LogInformation("Plugin {Plugin}: {Values} value(s) stored from {Pages} page(s) with an article", plugin.Name, values, pages);
                }
                db.Add(new PluginClaim { Kind = PluginClaim.ActiveKind, Name = plugin.Name, Plugin = plugin.Name, ClaimedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException)
            {
                // Tried again at the next start; `plugins backfill <name>` does the same by hand.
                logger.LogError("Plugin {Plugin}: its values for the pages already imported could not be stored: {Reason}", plugin.Name, e.Message);
            }
        }
    }
}
