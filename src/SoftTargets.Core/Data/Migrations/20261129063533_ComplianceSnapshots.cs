using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoftTargets.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComplianceSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    VenueTypeKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Tier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MethodologyVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CountedWeight = table.Column<long>(type: "bigint", nullable: false),
                    DrillsLast12Months = table.Column<int>(type: "integer", nullable: false),
                    EssentialCounted = table.Column<int>(type: "integer", nullable: false),
                    EssentialImplemented = table.Column<int>(type: "integer", nullable: false),
                    ImplementedWeight = table.Column<long>(type: "bigint", nullable: false),
                    OpenFindings = table.Column<int>(type: "integer", nullable: false),
                    OverdueFindings = table.Column<int>(type: "integer", nullable: false),
                    OverdueMeasures = table.Column<int>(type: "integer", nullable: false),
                    OverdueReviews = table.Column<int>(type: "integer", nullable: false),
                    SetAside = table.Column<int>(type: "integer", nullable: false),
                    Sites = table.Column<int>(type: "integer", nullable: false),
                    SitesDrilledLast12Months = table.Column<int>(type: "integer", nullable: false),
                    SitesWithCurrentPlan = table.Column<int>(type: "integer", nullable: false),
                    SitesWithPlan = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceSnapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceSnapshots_Month",
                table: "ComplianceSnapshots",
                column: "Month");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplianceSnapshots");
        }
    }
}
