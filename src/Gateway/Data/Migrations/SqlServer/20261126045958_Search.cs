using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedQA.Gateway.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search: a table of the indexed text per question, and a full-text index on it.
            migrationBuilder.Sql("""
                CREATE TABLE [QuestionSearch] (
                    [QuestionId] int NOT NULL CONSTRAINT [PK_QuestionSearch] PRIMARY KEY,
                    [Title] nvarchar(max) NOT NULL, [Body] nvarchar(max) NOT NULL,
                    [Replies] nvarchar(max) NOT NULL, [Article] nvarchar(max) NOT NULL);
                """);
            migrationBuilder.Sql("""
                INSERT INTO [QuestionSearch] ([QuestionId], [Title], [Body], [Replies], [Article])
                SELECT q.[Id], q.[Title], q.[Body],
                       coalesce((SELECT string_agg(r.[Body], char(10)) FROM [Replies] AS r WHERE r.[QuestionId] = q.[Id]), N''),
                       coalesce((SELECT a.[Intro] + char(10) + coalesce(a.[Conclusion], N'') FROM [Articles] AS a WHERE a.[QuestionId] = q.[Id]), N'')
                FROM [Questions] AS q;
                """);
            // Full-text catalogs and indexes cannot be created inside a transaction.
            migrationBuilder.Sql("CREATE FULLTEXT CATALOG [MedQASearch];", suppressTransaction: true);
            migrationBuilder.Sql(
                "CREATE FULLTEXT INDEX ON [QuestionSearch] ([Title], [Body], [Replies], [Article]) KEY INDEX [PK_QuestionSearch] ON [MedQASearch];",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON [QuestionSearch];", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT CATALOG [MedQASearch];", suppressTransaction: true);
            migrationBuilder.Sql("DROP TABLE [QuestionSearch];");
        }
    }
}
