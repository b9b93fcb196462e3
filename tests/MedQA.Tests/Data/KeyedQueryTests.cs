using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Data;

/// <summary>A batch query's two forms (KeyedQuery): one key as a scalar parameter, several as one array.</summary>
public sealed class KeyedQueryTests(CatalogueFactory catalogue) : IClassFixture<CatalogueFactory>
{
    private static readonly KeyedQuery<int, Question> ById = new((db, ids) => db.Set<Question>().Where(q => ids.Contains(q.Id)).OrderBy(q => q.Id));

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(60, true)]
    public async Task A_batch_gets_the_rows_of_its_keys_one_key_as_a_scalar_parameter(int count, bool array)
    {
        var (rows, sql) = await RunAsync(count);

        Assert.Equal(await ExpectedAsync(count), rows);
        Assert.Equal(array, sql.Contains(TestDatabase.ArrayParameter, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_without_a_row_are_left_out()
    {
        var (rows, _) = await RunAsync(3, extra: 2);

        Assert.Equal(await ExpectedAsync(1), rows);
    }

    [Fact]
    public async Task Batches_of_several_keys_send_the_same_SQL()
    {
        var (_, two) = await RunAsync(2);
        var (_, forty) = await RunAsync(40);
        var (_, one) = await RunAsync(1);

        Assert.Equal(two, forty);
        Assert.NotEqual(two, one);
    }

    private async Task<(List<int> Rows, string Sql)> RunAsync(int count, int extra = 0)
    {
        var keys = (await AllIdsAsync()).Take(count - extra).Concat(Enumerable.Range(1_000_000, extra)).ToList();
        await using var db = await Contexts.CreateDbContextAsync();
        catalogue.Factory.Sql.Reset();
        var rows = await ById.Run(db, keys).Select(q => q.Id).ToListAsync();
        return (rows, Assert.Single(catalogue.Factory.Sql.Commands));
    }

    private async Task<List<int>> ExpectedAsync(int count) => [.. (await AllIdsAsync()).Take(count).Order()];

    private async Task<List<int>> AllIdsAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Set<Question>().OrderByDescending(q => q.Id).Select(q => q.Id).ToListAsync();
    }

    private IDbContextFactory<MedQaDbContext> Contexts => catalogue.Factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>();
}
