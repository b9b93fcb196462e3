using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedQA.Gateway.Data.Migrations.SqlServer
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
                    Plugin = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ContentId = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
