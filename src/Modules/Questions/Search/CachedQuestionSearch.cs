using MedQA.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace MedQA.Questions.Search;

/// <summary>
/// Search with each query's ranking (its best hits and count) kept for a while. Ranking scores every match (bm25 over
/// the 2,500 questions that match "knee pain" in 100,000: about 4 ms of SQLite, growing with the catalogue), so a
/// popular query, its next pages and its count share one ranking, and each page only makes its snippets. A ranking
/// lives as long as the max-age of search answers; concurrent searches for one query share one ranking query.
/// </summary>
public sealed class CachedQuestionSearch(
    IQuestionSearch inner, IDbContextFactory<MedQaDbContext> contexts, SearchCacheSettings settings, IStatementInterrupt? interrupt = null)
    : IQuestionSearch, IDisposable
{
    /// <summary>
    /// How long a shared ranking may take before its statement is interrupted: no request waits for it longer than the
    /// execution timeout, and one that every waiter gave up on must not keep a core busy.
    /// </summary>
    public static readonly TimeSpan RankingTimeout = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _rankings = new(new MemoryCacheOptions { SizeLimit = Math.Max(EntryCostInHits, settings.MaxHits) });
    private int _generation; // one more at every import commit here: a ranking begun before one is not kept

    // What a kept ranking costs besides its hits (cache entry, key, task, two arrays: ~450 bytes), in hits of 12 bytes:
    // without it, many one-hit queries could hold far more memory than the limit says.
    private const int EntryCostInHits = 40;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(MedQaDbContext db, SearchQuery query, int take, SearchPosition? after, CancellationToken cancellationToken)
    {
        if (!settings.Enabled || query.IsEmpty || take == 0)
        {
            return await inner.SearchAsync(db, query, take, after, cancellationToken);
        }
        if ((await RankingAsync(query, cancellationToken)).Page(after, take) is not { } page)
        {
            return await inner.SearchAsync(db, query, take, after, cancellationToken); // deeper than the kept hits
        }
        var snippets = await inner.SnippetsAsync(db, query, page.Select(h => h.QuestionId).ToList(), cancellationToken);
        // a question re-imported since the ranking was made may no longer match: it is left out rather than shown
        return page.Where(h => snippets.ContainsKey(h.QuestionId))
            .Select(h => new SearchHit(h.QuestionId, h.Score, snippets[h.QuestionId])).ToList();
    }

    public async Task<int> CountAsync(MedQaDbContext db, SearchQuery query, CancellationToken cancellationToken) =>
        settings.Enabled && !query.IsEmpty
            ? (await RankingAsync(query, cancellationToken)).Total
            : await inner.CountAsync(db, query, cancellationToken);

    public Task<IReadOnlyDictionary<int, Snippet>> SnippetsAsync(MedQaDbContext db, SearchQuery query, IReadOnlyList<int> questionIds, CancellationToken cancellationToken) =>
        inner.SnippetsAsync(db, query, questionIds, cancellationToken);

    public IQueryable<int> Matching(MedQaDbContext db, SearchQuery query) => inner.Matching(db, query);

    public IQueryable<RankedQuestion> Ranked(MedQaDbContext db, SearchQuery query) => inner.Ranked(db, query);

    public string IndexCommand => inner.IndexCommand;

    public string? UnindexCommand => inner.UnindexCommand;

    public string? OptimizeCommand => inner.OptimizeCommand;

    /// <summary>Imports in this process are seen at once; imports by another process after the rankings expire.</summary>
    public void IndexChanged()
    {
        Interlocked.Increment(ref _generation);
        _rankings.Clear();
        inner.IndexChanged();
    }

    public void Dispose() => _rankings.Dispose();

    private Task<Ranking> RankingAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var key = query.Key;
        if (!_rankings.TryGetValue(key, out Task<Ranking>? ranking) || ranking is null || ranking.IsFaulted || ranking.IsCanceled)
        {
            // Until it is known, a ranking costs an entry; then its hits as well (the cache evicts by that size).
            var expires = DateTimeOffset.UtcNow + settings.Lifetime;
            var generation = Volatile.Read(ref _generation);
            ranking = _rankings.Set(key, LoadAsync(query), new MemoryCacheEntryOptions { AbsoluteExpiration = expires, Size = EntryCostInHits });
            _ = ranking.ContinueWith(
                done =>
                {
                    if (done.IsCompletedSuccessfully && Volatile.Read(ref _generation) == generation)
                    {
                        _rankings.Set(key, done, new MemoryCacheEntryOptions { AbsoluteExpiration = expires, Size = EntryCostInHits + done.Result.Count });
                    }
                    else
                    {
                        _rankings.Remove(key);
                    }
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        // the ranking is shared: a request that gives up stops waiting for it, not the query the others wait for
        return ranking.WaitAsync(cancellationToken);
    }

    private async Task<Ranking> LoadAsync(SearchQuery query)
    {
        using var timeout = new CancellationTokenSource(RankingTimeout);
        await using var db = await contexts.CreateDbContextAsync(timeout.Token);
        await db.Database.OpenConnectionAsync(timeout.Token);
        using var armed = interrupt?.Arm(db.Database.GetDbConnection(), timeout.Token) ?? default;
        var best = await inner.Ranked(db, query).OrderByDescending(r => r.Score).ThenBy(r => r.QuestionId).Take(settings.Depth + 1).ToListAsync(timeout.Token);
        var total = best.Count <= settings.Depth ? best.Count : await inner.CountAsync(db, query, timeout.Token);
        return new Ranking(best.Take(settings.Depth).ToList(), total);
    }

    /// <summary>The best hits of a query, best first, ties by question id (the order of the search's pages), and how many there are.</summary>
    private sealed class Ranking(List<RankedQuestion> best, int total)
    {
        private readonly int[] _ids = [.. best.Select(r => r.QuestionId)];
        private readonly double[] _scores = [.. best.Select(r => r.Score)];

        public int Count => _ids.Length;

        public int Total => total;

        /// <summary>
        /// Up to <paramref name="take"/> hits after a position (from the start without one); null when the page would
        /// reach past the kept hits while more exist.
        /// </summary>
        public List<(int QuestionId, double Score)>? Page(SearchPosition? after, int take)
        {
            var start = after is null ? 0 : FirstAfter(after);
            if (Count < Total && start + take > Count)
            {
                return null;
            }
            var page = new List<(int, double)>(Math.Min(take, Count - start));
            for (var i = start; i < Count && page.Count < take; i++)
            {
                page.Add((_ids[i], _scores[i]));
            }
            return page;
        }

        // Binary search: hits are in (score descending, id ascending) order, so "comes after" is a prefix-closed test.
        private int FirstAfter(SearchPosition after)
        {
            var (low, high) = (0, Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_scores[middle] < after.Score || (_scores[middle] == after.Score && _ids[middle] > after.QuestionId))
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }
            return low;
        }
    }
}
