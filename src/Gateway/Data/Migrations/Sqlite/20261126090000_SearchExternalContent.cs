using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedQA.Gateway.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index stops keeping its own copy of the text (a quarter of a generated catalogue's file): it
    /// becomes an external-content FTS5 table over the view <c>QuestionSearchSource</c>, which puts a question's
    /// indexed text together from its rows. Snippets read the view for the hits shown; the importer indexes a page
    /// from the view after writing it, and removes the old text (FTS5 'delete', from the view) before replacing it.
    /// </summary>
    [DbContext(typeof(SqliteMedQaDbContext))]
    [Migration("20261126090000_SearchExternalContent")]
    public partial class SearchExternalContent : Migration
    {
        // The question id, then the four indexed columns, put together as the importer did before this migration.
        private const string SourceView = """
            CREATE VIEW "QuestionSearchSource" AS
            SELECT q."Id" AS "Id", q."Title" AS title, q."Body" AS body,
                   coalesce((SELECT group_concat(r."Body", char(10) ORDER BY r."Position") FROM "Replies" AS r WHERE r."QuestionId" = q."Id"), '') AS replies,
                   CASE WHEN a."QuestionId" IS NULL THEN '' ELSE
                       a."Intro" || char(10) ||
                       coalesce((SELECT group_concat(s."Heading" || char(10) || s."Body", char(10) ORDER BY s."Position") FROM "ArticleSections" AS s WHERE s."QuestionId" = q."Id"), '') ||
                       char(10) || coalesce(a."Conclusion", '') END AS article
            FROM "Questions" AS q LEFT JOIN "Articles" AS a ON a."QuestionId" = q."Id";
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "QuestionSearch";""");
            migrationBuilder.Sql(SourceView);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "QuestionSearch" USING fts5(title, body, replies, article,
                    content = 'QuestionSearchSource', content_rowid = 'Id', tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""INSERT INTO "QuestionSearch" ("QuestionSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "QuestionSearch";""");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "QuestionSearch" USING fts5(title, body, replies, article, tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "QuestionSearch" (rowid, title, body, replies, article)
                SELECT "Id", title, body, replies, article FROM "QuestionSearchSource";
                """);
            migrationBuilder.Sql("""DROP VIEW "QuestionSearchSource";""");
        }
    }
}
