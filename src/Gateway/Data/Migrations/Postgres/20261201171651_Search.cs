using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedQA.Gateway.Data.Migrations.Postgres
{
    /// <summary>
    /// Full-text search: the text search configuration <c>medqa</c> (words as they are, accents removed, as SQLite's
    /// FTS5 with <c>remove_diacritics</c>), the view <c>QuestionSearchSource</c> that puts a question's indexed text
    /// together (the same text as on SQLite), and the table <c>QuestionSearch</c> with that text and a stored weighted
    /// vector under a GIN index. <c>unaccent</c> is a trusted extension: the database's owner may create it.
    /// </summary>
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION medqa (COPY = simple);");
            migrationBuilder.Sql("""
                ALTER TEXT SEARCH CONFIGURATION medqa
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
                """);
            migrationBuilder.Sql("""
                CREATE VIEW "QuestionSearchSource" AS
                SELECT q."Id" AS "Id", q."Title" AS title, q."Body" AS body,
                       coalesce((SELECT string_agg(r."Body", E'\n' ORDER BY r."Position") FROM "Replies" AS r WHERE r."QuestionId" = q."Id"), '') AS replies,
                       CASE WHEN a."QuestionId" IS NULL THEN '' ELSE
                           a."Intro" || E'\n' ||
                           coalesce((SELECT string_agg(s."Heading" || E'\n' || s."Body", E'\n' ORDER BY s."Position")
                                     FROM "ArticleSections" AS s WHERE s."QuestionId" = q."Id"), '') ||
                           E'\n' || coalesce(a."Conclusion", '') END AS article
                FROM "Questions" AS q LEFT JOIN "Articles" AS a ON a."QuestionId" = q."Id";
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "QuestionSearch" (
                    "QuestionId" integer NOT NULL CONSTRAINT "PK_QuestionSearch" PRIMARY KEY
                        CONSTRAINT "FK_QuestionSearch_Questions_QuestionId" REFERENCES "Questions" ("Id") ON DELETE CASCADE,
                    "Title" text NOT NULL, "Body" text NOT NULL, "Replies" text NOT NULL, "Article" text NOT NULL,
                    "Document" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('medqa', "Title"), 'A') || setweight(to_tsvector('medqa', "Body"), 'B') ||
                        setweight(to_tsvector('medqa', "Replies"), 'C') || setweight(to_tsvector('medqa', "Article"), 'D')) STORED);
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_QuestionSearch_Document" ON "QuestionSearch" USING GIN ("Document");""");
            migrationBuilder.Sql("""
                INSERT INTO "QuestionSearch" ("QuestionId", "Title", "Body", "Replies", "Article")
                SELECT "Id", title, body, replies, article FROM "QuestionSearchSource";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "QuestionSearch";""");
            migrationBuilder.Sql("""DROP VIEW "QuestionSearchSource";""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION medqa;");
        }
    }
}
