namespace MedQA.Tests.FastExecution;

/// <summary>The fast execution layer overrides GraphQL.NET internals known for one version.</summary>
public sealed class FastExecutionGraphQLVersionTests
{
    [Fact]
    public void GraphQL_NET_is_the_version_the_fast_layer_was_checked_against()
    {
        var version = typeof(GraphQL.Execution.ParallelExecutionStrategy).Assembly.GetName().Version;

        Assert.True(version == new Version(8, 8, 5, 0),
            $"GraphQL.NET is {version}, the fast execution layer was checked against 8.8.5.0: go through the list in " +
            "src/FastExecution/README.md (overridden members, reproduced behaviours), run the differential suite, then update this test.");
    }
}
