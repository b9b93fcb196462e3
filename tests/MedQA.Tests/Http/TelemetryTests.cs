using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using MedQA.Tests.Support;

namespace MedQA.Tests.Http;

/// <summary>
/// MedQA's spans as a listener sees them (ActivitySource "MedQA"): one per GraphQL operation, with its name and
/// document id, and the plugin calls under it. The listener is the process's, so each test names its operation
/// uniquely and keeps only its own spans.
/// </summary>
public sealed class TelemetryTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    [Fact]
    public async Task An_operation_is_one_span_with_its_name_and_the_plugin_calls_under_it()
    {
        var name = "Probe" + Guid.NewGuid().ToString("N");
        using var spans = new Spans();

        var body = await factory.QueryAsync($$"""query {{name}} { question(slug: "facial-nerve-twitching") { title causes { summary } } }""");

        Assert.NotNull(body.Data()["question"]!["causes"]);
        var operation = Assert.Single(spans.All, s => s.DisplayName == "graphql " + name);
        Assert.Equal(name, operation.GetTagItem("graphql.operation.name"));
        Assert.Equal(ActivityStatusCode.Ok, operation.Status);
        var plugin = Assert.Single(spans.All, s => s.ParentSpanId == operation.SpanId);
        Assert.Equal("plugin causes-summary", plugin.DisplayName);
        Assert.Equal("causes-summary", plugin.GetTagItem("medqa.plugin"));
    }

    [Fact]
    public async Task An_operation_run_from_a_compiled_plan_is_named_too()
    {
        var name = "Probe" + Guid.NewGuid().ToString("N");
        using var spans = new Spans();

        await factory.QueryAsync($$"""query {{name}} { questions(first: 2) { nodes { title } } }""");
        await factory.QueryAsync($$"""query {{name}} { questions(first: 2) { nodes { title } } }"""); // the plan made, then run

        Assert.Equal(2, spans.All.Count(s => s.DisplayName == "graphql " + name && s.Status == ActivityStatusCode.Ok));
    }

    [Fact]
    public async Task An_operation_that_answers_errors_is_a_failed_span()
    {
        var name = "Probe" + Guid.NewGuid().ToString("N");
        using var spans = new Spans();

        await factory.QueryAsync($$"""query {{name}} { questions(first: 1, after: "not a cursor") { nodes { title } } }""");

        Assert.Equal(ActivityStatusCode.Error, Assert.Single(spans.All, s => s.DisplayName == "graphql " + name).Status);
    }

    [Fact]
    public async Task A_GET_answered_from_the_kept_answers_has_its_span_and_is_counted()
    {
        var name = "Probe" + Guid.NewGuid().ToString("N");
        using var spans = new Spans();
        var counted = new ConcurrentQueue<(long Value, bool Kept)>();
        using var meter = new MeterListener();
        meter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "MedQA" && instrument.Name == "medqa.graphql.requests")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meter.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var mine = false;
            var kept = false;
            foreach (var tag in tags)
            {
                mine |= tag.Key == "graphql.operation.name" && Equals(tag.Value, name);
                kept |= tag.Key == "medqa.answer.kept" && Equals(tag.Value, true);
            }
            if (mine)
            {
                counted.Enqueue((value, kept));
            }
        });
        meter.Start();
        var url = "/graphql?query=" + Uri.EscapeDataString($$"""query {{name}} { questions(first: 2) { nodes { title } } }""");
        var client = factory.CreateClient();

        var first = await client.GetStringAsync(url);
        var second = await client.GetStringAsync(url); // the kept answer

        Assert.Equal(first, second);
        var operations = spans.All.Where(s => s.DisplayName == "graphql " + name).ToList();
        Assert.Equal([false, true], operations.Select(s => (bool)s.GetTagItem("medqa.answer.kept")!));
        Assert.All(operations, s => Assert.Equal(ActivityStatusCode.Ok, s.Status));
        Assert.Equal([(1L, false), (1L, true)], counted.ToArray());
    }

    /// <summary>Every span of source "MedQA" stopped while it listens.</summary>
    private sealed class Spans : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly ActivityListener _listener;

        public Spans()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "MedQA",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public List<Activity> All => [.. _stopped];

        public void Dispose() => _listener.Dispose();
    }
}
