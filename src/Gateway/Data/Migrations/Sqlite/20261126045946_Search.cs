using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedQA.Gateway.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search (FTS5): rowid is the question id. Not an entity: EF cannot model virtual tables.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "QuestionSearch" USING fts5(title, body, replies, article, tokenize = 'unicode61 remove_diacritics 2');
                """);
            // Index what an earlier version imported.
            migrationBuilder.Sql("""
                INSERT INTO "QuestionSearch" (rowid, title, body, replies, article)
                SELECT q."Id", q."Title", q."Body",
                       coalesce((SELECT group_concat(r."Body", char(10)) FROM "Replies" AS r WHERE r."QuestionId" = q."Id"), ''),
                       coalesce((SELECT a."Intro" || char(10) || coalesce(a."Conclusion", '') FROM "Articles" AS a WHERE a."QuestionId" = q."Id"), '') || char(10) ||
                       coalesce((SELECT group_concat(s."Heading" || char(10) || s."Body", char(10)) FROM "ArticleSections" AS s WHERE s."QuestionId" = q."Id"), '')
                FROM "Questions" AS q;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "QuestionSearch";""");
        }
    }
}
