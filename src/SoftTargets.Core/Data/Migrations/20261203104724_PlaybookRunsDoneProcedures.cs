using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoftTargets.Core.Data.Migrations
{
    /// <summary>
    /// Each run keeps the procedures of the steps done in it (<c>DoneProcedures</c>, bits of <c>ProcedureFlags</c>,
    /// set when it finishes), backfilled from "RunSteps" for the finished runs; the index on (Kind, HeldOn) carries
    /// it, so the drill coverage of the whole country reads the year's drills from the index alone.
    /// </summary>
    public partial class PlaybookRunsDoneProcedures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlaybookRuns_Kind_HeldOn",
                table: "PlaybookRuns");

            migrationBuilder.AddColumn<short>(
                name: "DoneProcedures",
                table: "PlaybookRuns",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.Sql(MigrationSql.Read("20261203104724_PlaybookRunsDoneProcedures.up.sql"));

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookRuns_Kind_HeldOn",
                table: "PlaybookRuns",
                columns: new[] { "Kind", "HeldOn" })
                .Annotation("Npgsql:IndexInclude", new[] { "SiteId", "FinishedAt", "DoneProcedures" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlaybookRuns_Kind_HeldOn",
                table: "PlaybookRuns");

            migrationBuilder.DropColumn(
                name: "DoneProcedures",
                table: "PlaybookRuns");

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookRuns_Kind_HeldOn",
                table: "PlaybookRuns",
                columns: new[] { "Kind", "HeldOn" })
                .Annotation("Npgsql:IndexInclude", new[] { "SiteId", "FinishedAt" });
        }
    }
}
