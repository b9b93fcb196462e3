using MedQA.Kernel.Data;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Import;

/// <summary>The importer keeps the full-text index equal to the pages' rows, page by page.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // SQLite's FTS5 index, its migrations and its source view
public sealed class SearchIndexTests
{
    [Fact]
    public async Task Reimporting_a_page_replaces_its_searchable_text()
    {
        using var factory = new EmptyMedQaFactory();
        var page = Pages.Minimal(title: "Striped zebra rash");
        await factory.ImportAsync(page);

        await factory.ImportAsync(page.Replace("Rest it for a week.", "Apply a cream."));

        var body = await factory.QueryAsync("""{ zebra: search(query: "zebra") { totalCount } rest: search(query: "rest week") { totalCount } cream: search(query: "cream") { totalCount } }""");
        Assert.Equal(1, body.Data()["zebra"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, body.Data()["rest"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(1, body.Data()["cream"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task After_imports_and_reimports_the_index_holds_exactly_the_text_of_the_rows()
    {
        using var factory = new EmptyMedQaFactory();
        await factory.ImportAsync(Pages.TwoReplies, Pages.Minimal(title: "Knee pain"));
        await factory.ImportAsync(Pages.TwoReplies.Replace("It may be post-viral.", "It is probably post-viral."));

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        // FTS5 compares its index with the text its content view gives for every row, and fails on a difference.
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "QuestionSearch" ("QuestionSearch", rank) VALUES ('integrity-check', 1);""");
        var body = await factory.QueryAsync("""{ may: search(query: "\"may be post viral\"") { totalCount } probably: search(query: "probably") { totalCount } }""");
        Assert.Equal((0, 1), (body.Data()["may"]!["totalCount"]!.GetValue<int>(), body.Data()["probably"]!["totalCount"]!.GetValue<int>()));
    }
}

/// <summary>Databases indexed before the index read its text from the rows ("SearchExternalContent") keep their search.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // SQLite's FTS5 index, its migrations and its source view
public sealed class SearchIndexMigrationTests
{
    [Fact]
    public async Task Migrating_down_and_up_again_keeps_every_page_searchable()
    {
        using var factory = new EmptyMedQaFactory();
        await factory.ImportAsync(Pages.TwoReplies, Pages.Minimal(title: "Striped zebra rash"));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();

        await migrator.MigrateAsync("20261126053456_Partners"); // the index with its own copy of the text
        Assert.Equal(1, await db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "QuestionSearch" WHERE "QuestionSearch" MATCH 'zebra'""").SingleAsync());
        await migrator.MigrateAsync(); // rebuilt from the rows

        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "QuestionSearch" ("QuestionSearch", rank) VALUES ('integrity-check', 1);""");
        var body = await factory.QueryAsync("""{ zebra: search(query: "zebra") { totalCount } viral: search(query: "post viral") { totalCount nodes { snippet { text } } } }""");
        Assert.Equal(1, body.Data()["zebra"]!["totalCount"]!.GetValue<int>());
        Assert.Contains("post-viral", body.Data()["viral"]!["nodes"]![0]!["snippet"]!["text"]!.GetValue<string>());
    }
}

/// <summary>The search view reads the same text in every SQLite the database may be opened with.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // SQLite's FTS5 index, its migrations and its source view
public sealed class SearchSourceViewTests
{
    [Fact]
    public async Task The_view_older_SQLite_can_read_gives_the_text_the_index_holds_in_position_order()
    {
        using var factory = new EmptyMedQaFactory();
        await factory.ImportAsync(Pages.TwoReplies);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContextAsync();
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        await migrator.MigrateAsync("20261126090000_SearchExternalContent"); // the view with group_concat(... ORDER BY ...)
        // positions that run against the rows' physical order, indexed through that view
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Replies" SET "Position" = 100 - "Position";""");
        await db.Database.ExecuteSqlRawAsync("""UPDATE "ArticleSections" SET "Position" = 100 - "Position";""");
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "QuestionSearch" ("QuestionSearch") VALUES ('rebuild');""");

        await migrator.MigrateAsync();

        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "QuestionSearch" ("QuestionSearch", rank) VALUES ('integrity-check', 1);""");
        var replies = await db.Database.SqlQuery<string>($"""SELECT replies AS "Value" FROM "QuestionSearchSource" """).SingleAsync();
        Assert.StartsWith("See a chest physician", replies);
        var views = await db.Database.SqlQuery<string>($"""SELECT sql AS "Value" FROM sqlite_master WHERE type = 'view'""").ToListAsync();
        Assert.All(views, sql => Assert.DoesNotMatch(@"group_concat\([^()]*ORDER BY", sql)); // SQLite 3.44 and later only
    }
}
