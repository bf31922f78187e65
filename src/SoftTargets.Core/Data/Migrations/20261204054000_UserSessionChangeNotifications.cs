using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SoftTargets.Core.Data.Migrations
{
    /// <summary>
    /// A trigger announces every changed or deleted session row on the channel <c>user_session_changed</c>
    /// (the payload is the session key), for the web nodes that keep live sessions in memory.
    /// </summary>
    [DbContext(typeof(SoftTargetsDbContext))]
    [Migration("20261204054000_UserSessionChangeNotifications")]
    public partial class UserSessionChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(MigrationSql.Read("20261204054000_UserSessionChangeNotifications.up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(MigrationSql.Read("20261204054000_UserSessionChangeNotifications.down.sql"));
    }
}
