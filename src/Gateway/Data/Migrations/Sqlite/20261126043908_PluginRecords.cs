using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedQA.Gateway.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PluginRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PluginRecords",
                columns: table => new
                {
                    Plugin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PluginRecords", x => new { x.Plugin, x.ContentType, x.ContentId, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PluginRecords_ContentType_ContentId",
                table: "PluginRecords",
                columns: new[] { "ContentType", "ContentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PluginRecords");
        }
    }
}
