using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Features;
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

        var all = new DashboardFilter();
        async Task Same<T, TService>(Func<TService, Task<T>> read) where TService : notnull =>
            Assert.Equivalent(await Fixture.AsAsync<T, TService>(Auditor, read), await AsAsync<T, TService>(app, Auditor, read), strict: true);

        Assert.True((await AsAsync<ComplianceOverview, ComplianceDashboard>(app, Auditor, d => d.GetAsync(all))).Totals.Sites > 0);
        await Same<ComplianceOverview, ComplianceDashboard>(d => d.GetAsync(all));
        await Same<DashboardChoices, ComplianceDashboard>(d => d.GetChoicesAsync());
        await Same<RiskLandscape, ComplianceDashboard>(d => d.GetRiskAsync(all));
        await Same<IReadOnlyList<MonthFigures>, ComplianceDashboard>(d => d.GetTrendAsync(all));
        await Same<PagedResult<SiteFigures>, ComplianceDashboard>(d => d.ListSitesAsync(all, new PageRequest(0, 50)));
        await Same<CoverageOverview, ReadinessDashboard>(d => d.GetCoverageAsync(all));
        await Same<TimingOverview, ReadinessDashboard>(d => d.GetTimingAsync(all));
    }

    private WebApplicationFactory<Program> WithReplica(string connectionString) =>
        Fixture.Derive(builder => builder.UseSetting("ConnectionStrings:SoftTargetsReplica", connectionString));

    private async Task<T> AsAsync<T, TService>(WebApplicationFactory<Program> app, string email, Func<TService, Task<T>> call) where TService : notnull
    {
        var actor = await Fixture.ActorAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        using (TestCurrentUser.ActAs(actor))
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
