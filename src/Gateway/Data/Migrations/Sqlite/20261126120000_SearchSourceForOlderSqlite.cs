using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedQA.Gateway.Data.Migrations.Sqlite
{
    /// <summary>
    /// The search view without <c>group_concat(... ORDER BY ...)</c>, which only SQLite 3.44 and later can parse: the
    /// <c>sqlite3</c> shell of Debian 12 (3.40) refused the whole database ("malformed database schema"), so an
    /// operator could neither inspect nor back it up with it. The parts are ordered in a subquery instead (SQLite
    /// keeps that order for an aggregate over it), which gives the same text, so the index needs no rebuild.
    /// </summary>
    [DbContext(typeof(SqliteMedQaDbContext))]
    [Migration("20261126120000_SearchSourceForOlderSqlite")]
    public partial class SearchSourceForOlderSqlite : Migration
    {
        private const string Columns = """
            CREATE VIEW "QuestionSearchSource" AS
            SELECT q."Id" AS "Id", q."Title" AS title, q."Body" AS body,
            """;

        private const string Article = """
                   CASE WHEN a."QuestionId" IS NULL THEN '' ELSE
                       a."Intro" || char(10) || {0} || char(10) || coalesce(a."Conclusion", '') END AS article
            FROM "Questions" AS q LEFT JOIN "Articles" AS a ON a."QuestionId" = q."Id";
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP VIEW "QuestionSearchSource";""");
            migrationBuilder.Sql(Columns + """
                       coalesce((SELECT group_concat(part, char(10)) FROM (SELECT r."Body" AS part FROM "Replies" AS r
                                 WHERE r."QuestionId" = q."Id" ORDER BY r."Position")), '') AS replies,
                """ + string.Format(Article, """
                    coalesce((SELECT group_concat(part, char(10)) FROM (SELECT s."Heading" || char(10) || s."Body" AS part
                              FROM "ArticleSections" AS s WHERE s."QuestionId" = q."Id" ORDER BY s."Position")), '')
                    """));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP VIEW "QuestionSearchSource";""");
            migrationBuilder.Sql(Columns + """
                       coalesce((SELECT group_concat(r."Body", char(10) ORDER BY r."Position") FROM "Replies" AS r WHERE r."QuestionId" = q."Id"), '') AS replies,
                """ + string.Format(Article, """
                    coalesce((SELECT group_concat(s."Heading" || char(10) || s."Body", char(10) ORDER BY s."Position") FROM "ArticleSections" AS s WHERE s."QuestionId" = q."Id"), '')
                    """));
        }
    }
}
