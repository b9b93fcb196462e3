using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace MedQA.Gateway.Import;

/// <summary>
/// Runs a page source (reading, parsing, preparing) on a thread of its own, a bounded number of pages ahead of
/// the session that writes them: the database writer is single-threaded, the machine is not. Items cross in
/// chunks: handed over one by one, every page woke the other thread (a futex wake and a thread-pool hop each: 6% of
/// a generate run's CPU in perf; 100,000 pages made 4 million sched_yield calls, 150,000 in chunks).
/// </summary>
internal static class ReadAhead
{
    public const int Chunk = 64;
    public const int Chunks = 4;

    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<List<T>>(new BoundedChannelOptions(Chunks) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                var chunk = new List<T>(Chunk);
                await foreach (var item in source.WithCancellation(stop.Token))
                {
                    chunk.Add(item);
                    if (chunk.Count == Chunk)
                    {
                        await channel.Writer.WriteAsync(chunk, stop.Token);
                        chunk = new List<T>(Chunk);
                    }
                }
                if (chunk.Count > 0)
                {
                    await channel.Writer.WriteAsync(chunk, stop.Token);
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var item in chunk)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await stop.CancelAsync(); // the writer stopped early: so does the reader
            await producer;
        }
    }

    public static IAsyncEnumerable<T> Of<T>(IEnumerable<T> source, CancellationToken cancellationToken = default) =>
        Of(source.ToAsyncEnumerable(), cancellationToken);
}
