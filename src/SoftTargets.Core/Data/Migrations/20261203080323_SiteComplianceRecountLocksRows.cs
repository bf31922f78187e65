using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoftTargets.Core.Data.Migrations
{
    /// <summary>
    /// The per-site recount (<c>refresh_site_compliance</c>) first locks the sites' "SiteCompliance" rows,
    /// so a transaction recounting a site waits for another one recounting it and sees what it wrote.
    /// Down puts back the function <see cref="SiteCompliance"/> created.
    /// </summary>
    public partial class SiteComplianceRecountLocksRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261203080323_SiteComplianceRecountLocksRows.up.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261203080323_SiteComplianceRecountLocksRows.down.sql"));
        }
    }
}
