using MedQA.Tests.Support;
using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Execution;
using MedQA.Gateway.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Differential;

/// <summary>
/// Random operations (<see cref="OperationGenerator"/>) answer the same from MedQA's fast execution as from the
/// reference execution: data, errors and status. Each operation is sent to the fast host twice (parsed and
/// compiled, then from the document cache). <c>MEDQA_DIFFERENTIAL_OPERATIONS</c> (default 2,000) and
/// <c>MEDQA_DIFFERENTIAL_SEED</c> (default 1) choose the operations: a mismatch names its seed, and
/// <c>MEDQA_DIFFERENTIAL_SEED=&lt;seed&gt; MEDQA_DIFFERENTIAL_OPERATIONS=1 dotnet test --filter GeneratedOperationTests</c>
/// replays it.
/// </summary>
[Collection(DifferentialCatalogue.Collection)]
public sealed class GeneratedOperationTests(DifferentialCatalogue catalogue)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    /// <summary>Whether the fast host runs the operation from a compiled plan (its result is not GraphQL.NET's execution tree).</summary>
    private async Task<bool> RunsCompiledAsync(GeneratedOperation operation)
    {
        await using var scope = catalogue.Fast.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<MedQaSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = operation.Document,
            Variables = new GraphQL.SystemTextJson.GraphQLSerializer().Deserialize<Inputs>(operation.Variables.ToJsonString()),
            RequestServices = scope.ServiceProvider,
            UserContext = new Dictionary<string, object?> { [Kernel.GraphQL.RequestServices.Key] = new Kernel.GraphQL.RequestServices(scope.ServiceProvider) },
        });
        return result is { Executed: true, Data: not null and not ExecutionNode };
    }

    private static string Cut(string body) => body.Length <= 1500 ? body : body[..1500] + "...";

    [Fact]
    public async Task Generated_operations_answer_what_the_reference_execution_answers()
    {
        var (count, first) = (Setting("MEDQA_DIFFERENTIAL_OPERATIONS", 2000), Setting("MEDQA_DIFFERENTIAL_SEED", 1));
        var generator = new OperationGenerator(catalogue.Schema, catalogue.Pools);
        var (fast, reference) = (catalogue.Fast.CreateClient(), catalogue.Reference.CreateClient());
        var mismatches = new ConcurrentBag<(int Seed, string Report)>();
        var answered = new ConcurrentBag<Answer>();
        var compiled = 0;

        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (seed, _) =>
        {
            var operation = generator.Generate(seed);
            var expected = await Answer.PostAsync(reference, operation.Document, operation.Variables);
            answered.Add(expected);
            for (var request = 1; request <= 2; request++)
            {
                var actual = await Answer.PostAsync(fast, operation.Document, operation.Variables);
                if (expected.FirstDifference(actual) is { } difference)
                {
                    mismatches.Add((seed, $"{operation}\nrequest {request}: first difference at {difference}\nreference: {Cut(expected.Body)}\nfast: {Cut(actual.Body)}"));
                    break;
                }
            }
            if (operation.Plain && await RunsCompiledAsync(operation)) // after the HTTP requests: the first parsed it
            {
                Interlocked.Increment(ref compiled);
            }
        });

        Assert.True(mismatches.IsEmpty, $"{mismatches.Count} of {count} operations answered differently:\n\n"
            + string.Join("\n\n", mismatches.OrderBy(m => m.Seed).Take(5).Select(m => m.Report)));
        // The fast layer must be exercised: a fifth of the operations at least run from compiled plans (of the plain
        // ones, two in five, which are the only ones checked for it).
        Assert.True(count < 100 || compiled > count / 5, $"only {compiled} of {count} operations ran from compiled plans");
        Console.WriteLine($"differential: {count} operations from seed {first}, {compiled} of them compiled, {answered.Count(a => a.Data is null)} refused, 0 mismatches");
        // Most generated operations must run (not be refused) for the comparison to mean anything.
        var refused = answered.Where(a => a.Data is null).SelectMany(a => a.Errors.Take(1)).ToList();
        Assert.True(count < 100 || refused.Count < count * 0.3, $"{refused.Count} of {count} operations were refused; the most common reasons:\n"
            + string.Join("\n", refused.GroupBy(e => e[..Math.Min(e.Length, 90)]).OrderByDescending(g => g.Count()).Take(8).Select(g => $"{g.Count()} {g.Key}")));
    }
}
