using GraphQL.DataLoader;

namespace MedQA.Kernel.GraphQL;

/// <summary>
/// A request-scoped batch loader. Resolvers call <see cref="Load"/> and return the pending result; GraphQL.NET
/// resolves every sibling field first, so all keys asked for at one level of the query are fetched by one call
/// of the fetch delegate. A key asked for twice in one request is fetched once.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing)
    where TKey : notnull
{
    private readonly TValue _missing = missing;
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Batch> _batchOfKey = [];
    private Batch? _open;

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_lock)
        {
            if (!_batchOfKey.TryGetValue(key, out var batch))
            {
                batch = _open ??= new Batch(this);
                batch.Keys.Add(key);
                _batchOfKey.Add(key, batch);
            }
            return new Pending(batch, key);
        }
    }

    /// <summary>
    /// The value itself when its key was primed (no pending result for GraphQL to schedule), else <see cref="Load"/>.
    /// </summary>
    public object? Resolve(TKey key)
    {
        lock (_lock)
        {
            if (_batchOfKey.TryGetValue(key, out var batch) && batch.Result is { IsCompletedSuccessfully: true } result)
            {
                return result.Result.TryGetValue(key, out var value) ? value : _missing;
            }
        }
        return Load(key);
    }

    /// <summary>
    /// Records values another query already read (an article query that joined its sections), so asking for those keys
    /// later in the request costs no statement. Keys already asked for keep their batch.
    /// </summary>
    public void Prime(IEnumerable<KeyValuePair<TKey, TValue>> values)
    {
        lock (_lock)
        {
            var known = new Dictionary<TKey, TValue>();
            var batch = new Batch(this) { Result = Task.FromResult<IReadOnlyDictionary<TKey, TValue>>(known) };
            foreach (var (key, value) in values)
            {
                if (_batchOfKey.TryAdd(key, batch))
                {
                    known[key] = value;
                }
            }
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (ReferenceEquals(_open, batch))
            {
                _open = null; // keys asked for from now on go to a new batch
            }
            return batch.Result ??= fetch(batch.Keys, cancellationToken);
        }
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Result { get; set; }

        public Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(CancellationToken cancellationToken) =>
            owner.Dispatch(this, cancellationToken);

        public TValue Missing => owner._missing;
    }

    private sealed class Pending(Batch batch, TKey key) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) =>
            Pick(await batch.Dispatch(cancellationToken).ConfigureAwait(false));

        // Without async steps when the batch is loaded already: every key of a batch but the one that sent it.
        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
        {
            var values = batch.Dispatch(cancellationToken);
            return values.IsCompletedSuccessfully ? Task.FromResult<object?>(Pick(values.Result)) : Slow(values);

            async Task<object?> Slow(Task<IReadOnlyDictionary<TKey, TValue>> loading) => Pick(await loading.ConfigureAwait(false));
        }

        private TValue Pick(IReadOnlyDictionary<TKey, TValue> values) => values.TryGetValue(key, out var value) ? value : batch.Missing;
    }
}
