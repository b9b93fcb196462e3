namespace MedQA.Kernel.GraphQL;

/// <summary>
/// Request-scoped: how long the response may be cached. Starts at the configured max-age; a resolver whose
/// content changes sooner lowers it (the smallest limit wins).
/// </summary>
public sealed class CacheHint(int maxAgeSeconds)
{
    public int MaxAgeSeconds { get; private set; } = maxAgeSeconds;

    public void Limit(int seconds) => MaxAgeSeconds = Math.Min(MaxAgeSeconds, Math.Max(0, seconds));
}
