using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Home;
using SoftTargets.Core.Features.Plans;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Home;

public sealed class AuditorHomeTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_auditor_home_shows_the_dashboard_whole_country_figures_on_the_demo_data()
    {
        await AssertHomeEqualsDashboardAsync();
    }

    [Fact]
    public async Task The_auditor_home_and_the_dashboard_still_agree_after_essential_measures_are_implemented_and_set_aside()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        await using (var db = Fixture.NewDbContext())
        {
            var open = await db.PlanMeasures.AsNoTracking()
                .Where(m => m.SiteId == stadium && m.IsApplicable && m.Priority == MeasurePriority.Essential
                    && m.Status != MeasureStatus.Implemented && m.Status != MeasureStatus.NotApplicable)
                .OrderBy(m => m.MeasureKey).Take(2).ToListAsync();
            Assert.Equal(2, open.Count);
            await UpdateAsync(open[0].Id, new MeasureUpdate(MeasureStatus.Implemented, "", "Petra Horáková", null, 12, null));
            // A set-aside measure is not counted by the dashboard, so the home page must not count it either.
            await UpdateAsync(open[1].Id, new MeasureUpdate(MeasureStatus.NotApplicable, "The stadium has no car park.", "", null, 12, null));
        }

        var (home, country) = await AssertHomeEqualsDashboardAsync();

        Assert.True(country.SetAside > 0);
        Assert.True(home.EssentialImplemented > 0);
    }

    private async Task<(AuditorHome Home, ComplianceFigures Country)> AssertHomeEqualsDashboardAsync()
    {
        var home = await Fixture.AsAsync<AuditorHome?, HomeQueries>(Auditor, q => q.ForAuditorAsync());
        var overview = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(new DashboardFilter()));

        Assert.NotNull(home);
        var country = overview.Totals;
        Assert.Equal(
            (country.Sites, country.SitesWithPlan, country.EssentialCounted, country.EssentialImplemented, country.OpenFindings, country.OverdueFindings),
            (home.Sites, home.SitesWithPlan, home.EssentialMeasures, home.EssentialImplemented, home.OpenFindings, home.OverdueFindings));
        Assert.True(home.Sites > 0);
        return (home, country);
    }

    private async Task UpdateAsync(Guid measureId, MeasureUpdate update)
    {
        await using var db = Fixture.NewDbContext();
        var version = await db.PlanMeasures.Where(m => m.Id == measureId).Select(m => m.Version).SingleAsync();
        await Fixture.AsAsync<uint, MeasureTracking>(ArenaManager, t => t.UpdateAsync(measureId, update, version));
    }
}
