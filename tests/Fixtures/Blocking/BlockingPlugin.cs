using System.Diagnostics;
using GraphQL.Types;
using MedQA.Plugins;

namespace Blocking;

/// <summary>
/// Loads fine, then blocks the thread it is called on, as careless plugin code does: a synchronous wait, or a CPU
/// loop, neither of them looking at the cancellation token. For the tests and the isolation benchmark.
/// </summary>
public sealed class BlockingPlugin : MedQaPlugin
{
    public override string Name => "blocking";
}

public sealed class BlockingFields : IContentFields
{
    /// <summary>How long each call blocks.</summary>
    public static readonly TimeSpan For = TimeSpan.FromSeconds(10);

    public void AddFields(IContentFieldRegistry fields)
    {
        fields.AddField<StringGraphType>(ContentType.Question, "stall")
            .Resolve(_ =>
            {
                Thread.Sleep(For);
                return "woke up";
            });
        fields.AddField<StringGraphType>(ContentType.Question, "spin")
            .Resolve(_ =>
            {
                var clock = Stopwatch.StartNew();
                var turns = 0L;
                while (clock.Elapsed < For)
                {
                    turns++;
                }
                return $"spun {turns} times";
            });
        fields.AddField<PauseType>(ContentType.Question, "pause").Resolve(_ => PauseType.Sleep());
    }
}

/// <summary>A call that blocks for 2 s and leads to another: two of them take 4 s of one plugin's budget.</summary>
public sealed class PauseType : ObjectGraphType<object>
{
    public PauseType()
    {
        Name = "Pause";
        Field<PauseType>("next").Resolve(_ => Sleep());
        Field<IntGraphType>("millis").Resolve(_ => 2000);
    }

    public static object Sleep()
    {
        Thread.Sleep(2000);
        return new object();
    }
}
