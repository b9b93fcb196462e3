using MedQA.Tests.Support;

namespace MedQA.Tests.Plugins;

/// <summary>
/// MedQA started on a plugins folder holding every plugin (<see cref="FixturePlugins"/>); plugin time budget 300 ms,
/// and a circuit breaker that does not open (the tests sharing it call failing plugins over and over).
/// </summary>
public sealed class FaultyPluginsFactory : MedQaFactory
{
    public FaultyPluginsFactory()
    {
        WithPluginsFolder(FixturePlugins.Folder());
        WithSetting("MedQA:Plugins:TimeBudget", "00:00:00.300");
        WithSetting("MedQA:Plugins:Isolation:MinimumThroughput", "1000000");
    }
}
