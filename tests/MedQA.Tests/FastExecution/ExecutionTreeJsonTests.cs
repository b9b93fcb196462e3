using MedQA.FastExecution;
using System.Buffers;
using GraphQL;
using MedQA.Gateway.Http;
using MedQA.Gateway.Schema;
using MedQA.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.FastExecution;

/// <summary>MedQA's response writer gives the bytes GraphQL.NET's serializer gives for the same result.</summary>
public sealed class ExecutionTreeJsonTests : IClassFixture<MedQaFactory>
{
    private readonly MedQaFactory _factory;

    public ExecutionTreeJsonTests(MedQaFactory factory)
    {
        _factory = factory;
        factory.ImportAsync(Pages.TwoReplies).GetAwaiter().GetResult(); // non-ASCII ("小明") and line breaks to escape
    }

    [Theory]
    [InlineData("""{ questions(first: 5) { totalCount edges { cursor node { id slug title headline body askedOn asker { alias gender ageRange { min max } } replies { body repliedOn doctor { name specialty { name slug } } } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""")]
    [InlineData("""{ question(slug: "facial-nerve-twitching") { article { intro sections { heading body } conclusion } causes { heading summary items { title detail } } treatments { heading summary items { title detail } } similar(first: 6) { headline questionExcerpt question { slug } } relatedFaqs { topic } } }""")]
    [InlineData("""{ first: search(query: "cough", first: 2) { totalCount nodes { score snippet { text highlights { start length } } question { __typename title } } } nothing: question(slug: "no-such-page") { title } }""")]
    [InlineData("""{ specialties { name slug } faqs(specialty: "neurology") { topic } }""")]
    public async Task A_result_is_written_byte_for_byte_as_GraphQL_NET_writes_it(string query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<MedQaSchema>>()
            .ExecuteAsync(new ExecutionOptions { Query = query, RequestServices = scope.ServiceProvider });
        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        Assert.True(ExecutionTreeJson.CanWrite(result), serializer.Serialize(result));

        var written = new ArrayBufferWriter<byte>();
        ExecutionTreeJson.Write(written, result, serializer);

        Assert.Equal(serializer.Serialize(result), System.Text.Encoding.UTF8.GetString(written.WrittenSpan));
    }

    [Fact]
    public async Task A_result_with_errors_is_left_to_GraphQL_NET()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<MedQaSchema>>()
            .ExecuteAsync(new ExecutionOptions { Query = "{ questions(first: 51) { totalCount } }", RequestServices = scope.ServiceProvider });

        Assert.False(ExecutionTreeJson.CanWrite(result));
    }
}
