using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoftTargets.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SiteCompliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SiteComplianceSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SiteComplianceSql.Drop);
        }
    }
}
