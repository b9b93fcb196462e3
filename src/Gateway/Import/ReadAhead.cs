using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace MedQA.Gateway.Import;

/// <summary>
/// Runs a page source (reading, parsing, preparing) on a thread of its own, a bounded number of pages ahead of
/// the session that writes them: the database writer is single-threaded, the machine is not.
/// </summary>
internal static class ReadAhead
{
    public const int Pages = 256;

    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(Pages) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token))
                {
                    await channel.Writer.WriteAsync(item, stop.Token);
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
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
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
