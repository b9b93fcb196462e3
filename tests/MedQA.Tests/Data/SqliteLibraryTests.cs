using MedQA.Gateway.Data;
using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace MedQA.Tests.Data;

[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // the SQLite library MedQA loads
public sealed class SqliteLibraryTests
{
    [Fact]
    public async Task SQLite_counts_no_memory_so_its_connections_share_no_lock_for_it()
    {
        using var factory = new MedQaFactory();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();

        var titles = await db.Set<Question>().Select(q => q.Title).ToListAsync();

        Assert.NotEmpty(titles);
        Assert.Equal(0, SqliteLibrary.Configure()); // SQLITE_OK: the library took the setting
        Assert.Equal(0, raw.sqlite3_memory_used()); // counted, it is the open connection's schema, cache and statements
    }
}
