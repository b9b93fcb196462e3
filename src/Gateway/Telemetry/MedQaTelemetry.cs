using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MedQA.Gateway.Telemetry;

/// <summary>
/// MedQA's own spans and metrics (source and meter "MedQA"): a span per GraphQL operation, with its name and document
/// id, and a child span per plugin call; a request count and a duration per operation. Without a listener (telemetry
/// off, the default) a span costs one check.
/// </summary>
public static class MedQaTelemetry
{
    public const string Name = "MedQA";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "medqa.graphql.requests", unit: "{request}", description: "GraphQL operations answered, by operation name, outcome and whether the answer was a kept one");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "medqa.graphql.duration", unit: "ms", description: "How long GraphQL operations took to answer, by operation name, outcome and whether the answer was a kept one");

    /// <summary>Starts the span of one GraphQL operation (null when nobody listens).</summary>
    public static Activity? StartOperation(string? operationName, string? documentId)
    {
        var activity = Source.StartActivity("graphql " + (operationName ?? "anonymous"), ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("graphql.operation.name", operationName);
            activity.SetTag("graphql.document.id", documentId);
        }
        return activity;
    }

    /// <summary>
    /// Counts an operation and its duration, names its span after the operation that ran (the document's, when the
    /// request named none), and marks it failed when the answer has errors. <paramref name="kept"/>: the answer was
    /// a kept GET answer sent again (tag <c>medqa.answer.kept</c>), not executed.
    /// </summary>
    public static void EndOperation(Activity? activity, string? operationName, long startTimestamp, bool hasErrors, bool kept = false)
    {
        if (activity is not null && operationName is not null)
        {
            activity.DisplayName = "graphql " + operationName;
            activity.SetTag("graphql.operation.name", operationName);
        }
        var outcome = hasErrors ? "error" : "ok";
        var tags = new TagList { { "graphql.operation.name", operationName ?? "anonymous" }, { "outcome", outcome }, { "medqa.answer.kept", kept } };
        activity?.SetTag("medqa.answer.kept", kept);
        Requests.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, tags);
        activity?.SetStatus(hasErrors ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
    }

    /// <summary>Starts the span of one call into a plugin's code (null when nobody listens).</summary>
    public static Activity? StartPluginCall(string plugin)
    {
        var activity = Source.StartActivity("plugin " + plugin, ActivityKind.Internal);
        activity?.SetTag("medqa.plugin", plugin);
        return activity;
    }
}
