using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoftTargets.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SiteListKeysetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sites_OrganizationId",
                table: "Sites");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_Name_Id",
                table: "Sites",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Sites_OrganizationId_Name_Id",
                table: "Sites",
                columns: new[] { "OrganizationId", "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sites_Name_Id",
                table: "Sites");

            migrationBuilder.DropIndex(
                name: "IX_Sites_OrganizationId_Name_Id",
                table: "Sites");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_OrganizationId",
                table: "Sites",
                column: "OrganizationId");
        }
    }
}
