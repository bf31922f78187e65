using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoftTargets.Core.Data.Migrations
{
    /// <summary>
    /// A site follows one methodology (<c>MethodologyId</c>, required), backfilled to the oldest methodology, the only
    /// one sites could follow before; several methodologies can then be published side by side.
    /// </summary>
    public partial class SitesFollowAMethodology : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MethodologyId",
                table: "Sites",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.Sql(MigrationSql.Read("20261203123512_SitesFollowAMethodology.up.sql"));

            migrationBuilder.CreateIndex(
                name: "IX_Sites_MethodologyId",
                table: "Sites",
                column: "MethodologyId");

            migrationBuilder.AddForeignKey(
                name: "FK_Sites_Methodologies_MethodologyId",
                table: "Sites",
                column: "MethodologyId",
                principalTable: "Methodologies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Sites_Methodologies_MethodologyId",
                table: "Sites");

            migrationBuilder.DropIndex(
                name: "IX_Sites_MethodologyId",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "MethodologyId",
                table: "Sites");
        }
    }
}
