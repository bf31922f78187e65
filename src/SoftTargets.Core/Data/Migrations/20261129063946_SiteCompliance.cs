using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoftTargets.Core.Data.Migrations
{
    /// <summary>
    /// "SiteCompliance": one row per site with everything the national dashboard counts (its group
    /// keys, the sums of the compliance score over its applicable measures, findings and drills), so the
    /// dashboard reads 100,000 narrow rows instead of joining millions.
    /// <list type="bullet">
    /// <item>Statement-level triggers on the tables the figures come from recompute the sites a statement
    /// touched, in the same transaction, whoever writes (the app, COPY in bulk regeneration, set-based
    /// seeding). The weights (essential 3, recommended 2, enhanced 1) are <c>ComplianceRules.Weight</c>.</item>
    /// <item>Overdue measures, reviews and findings and the drills of the last 12 months depend on the
    /// day: each row holds them as of its "Day" (UTC). The dashboard uses them only when "Day" is today
    /// and counts the others live; <c>ComplianceSnapshots.RefreshSitesAsync</c> brings stale rows to today
    /// (the app's schedule runs it every hour).</item>
    /// </list>
    /// The SQL is the migration's own, as first committed (Sql/20261129063946_SiteCompliance.*.sql);
    /// <see cref="SiteComplianceRecountLocksRows"/> later replaced the recount function.
    /// </summary>
    public partial class SiteCompliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261129063946_SiteCompliance.up.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261129063946_SiteCompliance.down.sql"));
        }
    }
}
