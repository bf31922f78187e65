using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoftTargets.Core.Data.Migrations
{
    /// <summary>
    /// The per-site recount (<c>refresh_site_compliance</c>) as <c>ComplianceRules.RecountFunction</c> produced it when
    /// the compliance rules came to be defined in one place: the same counts, with a weight for every priority. Its SQL is
    /// a frozen copy; <c>ComplianceRulesTests</c> fails once the rules produce another function, which then needs a
    /// migration of its own. Down puts back the function <see cref="PlaybookRuns"/> created.
    /// </summary>
    public partial class SiteComplianceRecountByTheRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261203175103_SiteComplianceRecountByTheRules.up.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261203175103_SiteComplianceRecountByTheRules.down.sql"));
        }
    }
}
