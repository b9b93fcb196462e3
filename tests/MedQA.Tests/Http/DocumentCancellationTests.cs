using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using MedQA.Gateway.Schema;
using MedQA.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Http;

/// <summary>
/// Reading and checking a document stops with its request: a client that is gone has nothing parsed or checked for
/// it, and a document that takes longer than the request's timeout to read and check is refused with TIMEOUT.
/// </summary>
public sealed class DocumentCancellationTests
{
    [Fact]
    public async Task A_request_whose_client_is_gone_is_neither_parsed_nor_checked()
    {
        var builds = new CountingBuilder();
        using var factory = new Factory(builds);
        var executer = factory.Services.GetRequiredService<IDocumentExecuter<MedQaSchema>>();
        await using var scope = factory.Services.CreateAsyncScope();
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => executer.ExecuteAsync(new ExecutionOptions
        {
            Query = "{ questions(first: 1) { nodes { title } } }", RequestServices = scope.ServiceProvider, CancellationToken = gone.Token,
        }));

        Assert.Equal(0, builds.Count);
    }

    [Fact]
    public async Task A_document_that_outlasts_the_timeout_while_it_is_read_is_refused_with_TIMEOUT()
    {
        using var factory = new Factory(new CountingBuilder());
        factory.WithSetting("MedQA:GraphQL:Timeout", "00:00:00.0000001");
        _ = factory.Services; // started: the samples imported
        factory.Sql.Reset();

        var body = await factory.QueryAsync("{ questions(first: 1) { nodes { title } } }");

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("TIMEOUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.StartsWith("The document took longer than ", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(factory.Sql.RequestStatements());
    }

    /// <summary>GraphQL.NET's document builder, counting the documents it builds.</summary>
    private sealed class CountingBuilder : IDocumentBuilder
    {
        private readonly GraphQLDocumentBuilder _inner = new();
        private int _count;

        public int Count => _count;

        public GraphQLDocument Build(string body)
        {
            Interlocked.Increment(ref _count);
            return _inner.Build(body);
        }
    }

    private sealed class Factory(CountingBuilder builds) : MedQaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IDocumentBuilder>(builds));
        }
    }
}
