using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Home;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Dashboards;

/// <summary>ConnectionStrings:SoftTargetsReplica: the national dashboards read there, everything else on the primary.</summary>
public sealed class DashboardReplicaTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact, ReadsOnly]
    public async Task The_dashboards_read_from_the_configured_replica_and_the_other_pages_from_the_primary()
    {
        // A replica that cannot be reached: the dashboards say so, the rest of the app does not notice.
        var missing = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Database = "softtargets_no_such_replica" }.ConnectionString;
        await using var app = WithReplica(missing);

        var compliance = await Assert.ThrowsAsync<PostgresException>(() => AsAsync<ComplianceFigures, ComplianceDashboard>(app, Auditor, d => d.GetTotalsAsync(new DashboardFilter())));
        var readiness = await Assert.ThrowsAsync<PostgresException>(() => AsAsync<CoverageOverview, ReadinessDashboard>(app, Auditor, d => d.GetCoverageAsync(new DashboardFilter())));
        Assert.Equal(PostgresErrorCodes.InvalidCatalogName, compliance.SqlState);
        Assert.Equal(PostgresErrorCodes.InvalidCatalogName, readiness.SqlState);
        Assert.NotNull(await AsAsync<VenueManagerHome?, HomeQueries>(app, ArenaManager, h => h.ForVenueManagerAsync()));
    }

    [Fact, ReadsOnly]
    public async Task On_a_read_only_replica_the_dashboards_show_the_figures_of_the_primary()
    {
        // What a hot standby allows: reading only.
        var readOnly = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Options = "-c default_transaction_read_only=on" }.ConnectionString;
        await using var app = WithReplica(readOnly);

        var primary = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(new DashboardFilter()));
        var replica = await AsAsync<ComplianceOverview, ComplianceDashboard>(app, Auditor, d => d.GetAsync(new DashboardFilter()));
        var coverage = await AsAsync<CoverageOverview, ReadinessDashboard>(app, Auditor, d => d.GetCoverageAsync(new DashboardFilter()));

        Assert.True(primary.Totals.Sites > 0);
        Assert.Equivalent(primary, replica, strict: true);
        Assert.Equivalent(await Fixture.AsAsync<CoverageOverview, ReadinessDashboard>(Auditor, d => d.GetCoverageAsync(new DashboardFilter())), coverage, strict: true);
    }

    private WebApplicationFactory<Program> WithReplica(string connectionString) =>
        Fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:SoftTargetsReplica", connectionString));

    private async Task<T> AsAsync<T, TService>(WebApplicationFactory<Program> app, string email, Func<TService, Task<T>> call) where TService : notnull
    {
        var actor = await Fixture.ActorAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        using (TestCurrentUser.ActAs(actor))
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
