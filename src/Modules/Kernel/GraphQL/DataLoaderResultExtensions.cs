using GraphQL.DataLoader;

namespace MedQA.Kernel.GraphQL;

public static class DataLoaderResultExtensions
{
    /// <summary>Maps a pending result without resolving it yet, so batching is kept.</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        new Mapped<T, TResult>(result, map);

    public static IDataLoaderResult<object?> Boxed<T>(this IDataLoaderResult<T> result) =>
        new Mapped<T, object?>(result, value => value);

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
