using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// Every call into one plugin's code while serving goes through here: a circuit breaker (a plugin that keeps failing
/// or timing out answers <c>PLUGIN_UNAVAILABLE</c> at once for a while), what is left of the plugin's budget in the
/// request (Polly's timeout), and a bulkhead (at most <see cref="PluginIsolationOptions.MaxConcurrentCalls"/> calls in
/// flight, more waiting in a queue, Polly's concurrency limiter). An isolated plugin (the default) runs on threads of
/// its own (<see cref="PluginThreads"/>), so its answer is on time whatever its thread does: the caller stops waiting
/// when the budget ends, even if the plugin never returns. A trusted one (<c>MedQA:Plugins:&lt;name&gt;:Trusted</c>)
/// runs on the request's thread: on time when it awaits, but a trusted plugin that blocks holds that thread. The
/// difference is the price of a thread hop, which on a 2-core virtual machine is high (README, plugin isolation).
/// Counts what happened, for <c>plugins { health }</c>.
/// </summary>
public sealed class PluginGuard : IDisposable
{
    private static readonly ResiliencePropertyKey<TimeSpan> Budget = new("medqa.plugin.budget");

    private readonly LoadedPlugin _plugin;
    private readonly ILogger _logger;
    private readonly PluginThreads? _threads;
    private readonly CircuitBreakerStateProvider _breaker = new();
    private readonly ResiliencePipeline _pipeline;
    private long _calls;
    private long _failures;
    private long _timeouts;
    private long _rejected;
    private PluginFault? _lastFault;

    public PluginGuard(LoadedPlugin plugin, PluginIsolationOptions options, ILogger logger)
    {
        _plugin = plugin;
        _logger = logger;
        _threads = plugin.Trusted ? null : new PluginThreads(plugin.Name, options.Threads);
        _pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = _breaker,
                // A failure or a timeout is the plugin's; a full queue or a caller who left is not.
                ShouldHandle = static args => new(args.Outcome.Exception is { } e && e is not RateLimiterRejectedException
                    && !(e is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
                OnOpened = args =>
                {
                    _logger.LogWarning("Plugin {Plugin}: circuit opened for {Duration} after repeated failures or timeouts", _plugin.Name, args.BreakDuration);
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = static args => new(args.Context.Properties.GetValue(Budget, TimeSpan.Zero)) })
            .AddConcurrencyLimiter(Math.Max(1, options.MaxConcurrentCalls), Math.Max(0, options.MaxQueuedCalls))
            .Build();
    }

    /// <summary>Runs one call of the plugin's code; any way it goes wrong becomes a <see cref="PluginError"/>.</summary>
    /// <param name="call">The plugin's code, given the token that ends with its budget or the request.</param>
    /// <param name="budgets">The request's budgets.</param>
    /// <param name="cancellationToken">The request's.</param>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, PluginBudgets budgets, CancellationToken cancellationToken)
    {
        var remaining = budgets.Remaining(_plugin);
        if (remaining <= TimeSpan.Zero)
        {
            // Spent by its earlier calls in this request: not called again, not held against it.
            throw Fault(PluginError.Timeout, null, new PluginError(_plugin.Name, PluginError.Timeout, TimeoutMessage(budgets)));
        }
        using var activity = Telemetry.MedQaTelemetry.StartPluginCall(_plugin.Name);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Budget, remaining);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (context, state) => new ValueTask<T>(state.Guard.CallAsync(state.Call, context.CancellationToken)),
                context, (Guard: this, Call: call));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException e)
        {
            throw Fault(PluginError.Timeout, e, new PluginError(_plugin.Name, PluginError.Timeout, TimeoutMessage(budgets)));
        }
        catch (BrokenCircuitException e)
        {
            throw Fault(PluginError.Unavailable, e, new PluginError(_plugin.Name, PluginError.Unavailable,
                $"The plugin '{_plugin.Name}' failed or timed out too often and is not called for a while; this field was left out."));
        }
        catch (RateLimiterRejectedException e)
        {
            throw Fault(PluginError.Unavailable, e, new PluginError(_plugin.Name, PluginError.Unavailable,
                $"The plugin '{_plugin.Name}' has too many calls in flight; this field was left out."));
        }
        catch (Exception e)
        {
            throw Fault(PluginError.Failed, e, e as PluginError ?? new PluginError(_plugin.Name, PluginError.Failed, $"The plugin '{_plugin.Name}' failed on this field."));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>What this plugin's calls came to since the gateway started.</summary>
    public PluginHealth Health => new(
        Interlocked.Read(ref _calls), Interlocked.Read(ref _failures), Interlocked.Read(ref _timeouts), Interlocked.Read(ref _rejected),
        _breaker.CircuitState switch
        {
            CircuitState.Open or CircuitState.Isolated => PluginBreakerState.Open,
            CircuitState.HalfOpen => PluginBreakerState.HalfOpen,
            _ => PluginBreakerState.Closed,
        },
        Volatile.Read(ref _lastFault),
        _threads?.AllocatedBytes);

    private Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls); // past the breaker and the bulkhead: the plugin is called
        if (_threads is null)
        {
            return call(cancellationToken).WaitAsync(cancellationToken);
        }
        // The caller gets the answer back on a pool thread, never on the plugin's, which only ever runs plugin code.
        var answered = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _threads.Run(() => call(cancellationToken), cancellationToken).ContinueWith(
            static (done, state) => ((TaskCompletionSource<T>)state!).TrySetFromTask(done),
            answered, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return answered.Task.WaitAsync(cancellationToken); // on time, whatever the plugin's thread is doing
    }

    private PluginError Fault(string code, Exception? exception, PluginError error)
    {
        if (System.Diagnostics.Activity.Current is { } span && span.Source == Telemetry.MedQaTelemetry.Source
            && span.GetTagItem("medqa.plugin") as string == _plugin.Name)
        {
            span.SetStatus(System.Diagnostics.ActivityStatusCode.Error, code);
        }
        switch (code)
        {
            case PluginError.Timeout:
                Interlocked.Increment(ref _timeouts);
                break;
            case PluginError.Unavailable:
                Interlocked.Increment(ref _rejected);
                break;
            default:
                Interlocked.Increment(ref _failures);
                break;
        }
        Volatile.Write(ref _lastFault, new PluginFault(code, error.Message, DateTimeOffset.UtcNow));
        if (code == PluginError.Failed && exception is not null and not PluginError)
        {
            _logger.LogWarning(exception, "Plugin {Plugin} {Code}", _plugin.Name, code);
        }
        return error;
    }

    private string TimeoutMessage(PluginBudgets budgets) =>
        $"The plugin '{_plugin.Name}' took longer than its {budgets.Budget.TotalSeconds:0.###} s budget in this request; this field was cut off.";

    public void Dispose() => _threads?.Dispose();
}

/// <summary>A plugin's calls since the gateway started; see <c>PluginHealth</c> in the schema.</summary>
public sealed record PluginHealth(long Calls, long Failures, long Timeouts, long Rejected, PluginBreakerState Breaker, PluginFault? LastFault, long? AllocatedBytes);

/// <summary>The last thing that went wrong with a plugin: its error code and message, and when.</summary>
public sealed record PluginFault(string Code, string Message, DateTimeOffset At);

public enum PluginBreakerState
{
    Closed,
    Open,
    HalfOpen,
}
