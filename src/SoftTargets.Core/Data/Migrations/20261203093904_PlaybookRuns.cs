using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoftTargets.Core.Data.Migrations
{
    /// <summary>
    /// Drills and incidents become runs of a playbook (<c>PlaybookRuns</c> with their <c>RunSteps</c>), with the
    /// improvement items their reviews raise. Recorded drills and incidents move over as finished runs; the per-site
    /// recount counts finished drill runs. Down moves them back and restores the recount of
    /// <see cref="SiteComplianceRecountLocksRows"/>.
    /// </summary>
    public partial class PlaybookRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlaybookRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    MethodologyVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlanRevision = table.Column<int>(type: "integer", nullable: false),
                    PlaybookKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ThreatKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ZoneName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scenario = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Headcount = table.Column<int>(type: "integer", nullable: true),
                    Lessons = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Injured = table.Column<int>(type: "integer", nullable: true),
                    Fatalities = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    ThreatName_Cs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ThreatName_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybookRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaybookRuns_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImprovementItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MeasureKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StepKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementItems_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImprovementItems_PlaybookRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "PlaybookRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImprovementItems_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RunSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Phase = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Procedure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TargetMinutes = table.Column<int>(type: "integer", nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DoneBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ElapsedSeconds = table.Column<int>(type: "integer", nullable: true),
                    SignedOffBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    RoleName_Cs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RoleName_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Text_Cs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Text_En = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RunSteps_PlaybookRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "PlaybookRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementItems_FindingId",
                table: "ImprovementItems",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementItems_MeasureKey",
                table: "ImprovementItems",
                column: "MeasureKey");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementItems_RunId",
                table: "ImprovementItems",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementItems_SiteId_Status_DueDate",
                table: "ImprovementItems",
                columns: new[] { "SiteId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementItems_StepKey",
                table: "ImprovementItems",
                column: "StepKey");

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookRuns_Kind_HeldOn",
                table: "PlaybookRuns",
                columns: new[] { "Kind", "HeldOn" })
                .Annotation("Npgsql:IndexInclude", new[] { "SiteId", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookRuns_SiteId_HeldOn",
                table: "PlaybookRuns",
                columns: new[] { "SiteId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RunSteps_Key",
                table: "RunSteps",
                column: "Key")
                .Annotation("Npgsql:IndexInclude", new[] { "Outcome", "ElapsedSeconds", "TargetMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_RunSteps_RunId_Key",
                table: "RunSteps",
                columns: new[] { "RunId", "Key" },
                unique: true);

            migrationBuilder.Sql(MigrationSql.Read("20261203093904_PlaybookRuns.up.sql"));

            migrationBuilder.DropTable(
                name: "Drills");

            migrationBuilder.DropTable(
                name: "Incidents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Drills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AfterActionNotes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    ThreatKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Drills_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Phase = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    ReturnedToRoutineAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ThreatKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Drills_SiteId_HeldOn",
                table: "Drills",
                columns: new[] { "SiteId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_SiteId_OccurredAt",
                table: "Incidents",
                columns: new[] { "SiteId", "OccurredAt" });

            migrationBuilder.Sql(MigrationSql.Read("20261203093904_PlaybookRuns.down.sql"));

            migrationBuilder.DropTable(
                name: "ImprovementItems");

            migrationBuilder.DropTable(
                name: "RunSteps");

            migrationBuilder.DropTable(
                name: "PlaybookRuns");
        }
    }
}
