using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoftTargets.Core.Data.Migrations
{
    /// <summary>
    /// Keeps the drill feedback's counts per step key ("StepFeedbackCounts", maintained by triggers on "RunSteps"
    /// and folded by <c>compact_step_feedback()</c>), backfilled from the finished steps.
    /// </summary>
    public partial class StepFeedbackCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261203122323_StepFeedbackCounts.up.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261203122323_StepFeedbackCounts.down.sql"));
        }
    }
}
