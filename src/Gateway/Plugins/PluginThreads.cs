using System.Collections.Concurrent;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// The threads an isolated plugin's code runs on, and no other code: a plugin that blocks its thread
/// (<c>Thread.Sleep</c>, a synchronous call, a CPU loop) blocks one of these, never a thread-pool thread the server
/// needs for ordinary requests. (The thread pool on this kind of machine starts with one thread per core and adds
/// one about every half second when they are all blocked: forty blocked calls kept ordinary requests waiting 17-21 s.)
/// The plugin's <c>await</c>s come back here (this is their <see cref="TaskScheduler.Current"/>); a call still queued
/// when its budget runs out is dropped without running. Also counts what the plugin's code allocates.
/// </summary>
internal sealed class PluginThreads : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;
    private long _allocated;

    public PluginThreads(string plugin, int count)
    {
        _threads = new Thread[Math.Max(1, count)];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"plugin {plugin} #{i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>Bytes allocated by code that ran on these threads (the plugin's, and MedQA's that it called).</summary>
    public long AllocatedBytes => Interlocked.Read(ref _allocated);

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Runs <paramref name="call"/> on a plugin thread, unless <paramref name="cancellationToken"/> is cancelled before one is free.</summary>
    public Task<T> Run<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(call, cancellationToken, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    protected override void QueueTask(Task task)
    {
        if (!_queue.TryAdd(task))
        {
            throw new InvalidOperationException("The plugin's threads are stopped.");
        }
    }

    // Only the plugin's own threads run its work inline: never a request thread that happens to wait on it.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && Array.IndexOf(_threads, Thread.CurrentThread) >= 0 && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            TryExecuteTask(task); // false for a call cancelled while queued: it never runs
            Interlocked.Add(ref _allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    /// <summary>The threads end when the queue is drained; one blocked inside a plugin ends with the process.</summary>
    public void Dispose() => _queue.CompleteAdding();
}
