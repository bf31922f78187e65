using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Sites;

/// <summary>Methodology editors follow the dashboards down to a site: they read it like an auditor and change nothing.</summary>
public sealed class SiteReadersTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_methodology_editor_reads_a_site_and_its_plan_without_the_right_to_change()
    {
        var siteId = await SiteIdAsync("Slezská aréna");

        var site = await Fixture.AsAsync<SiteDetails?, SiteQueries>(Editor, q => q.GetAsync(siteId));
        var plan = await Fixture.AsAsync<PlanView?, PlanQueries>(Editor, q => q.GetAsync(siteId));

        Assert.Equal("Slezská aréna", site?.Profile.Name);
        Assert.NotNull(plan);
        Assert.False(plan.CanChange);
    }

    [Fact]
    public async Task A_methodology_editor_is_refused_changing_a_site_or_a_measure_and_nothing_changes()
    {
        var siteId = await SiteIdAsync("Slezská aréna");
        await using var db = Fixture.NewDbContext();
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == siteId);
        var measure = await db.PlanMeasures.AsNoTracking().FirstAsync(m => m.SiteId == siteId);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<SiteService>(Editor,
            s => s.UpdateProfileAsync(siteId, site.Profile with { MaxOccupancy = 1 }, site.Version)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<MeasureTracking>(Editor,
            s => s.UpdateAsync(measure.Id, new MeasureUpdate(MeasureStatus.Implemented, "", "", null, 12, null), measure.Version)));

        await using var check = Fixture.NewDbContext();
        Assert.Equal(site.MaxOccupancy, (await check.Sites.SingleAsync(s => s.Id == siteId)).MaxOccupancy);
        Assert.Equal(measure.Status, (await check.PlanMeasures.SingleAsync(m => m.Id == measure.Id)).Status);
    }

    [Fact]
    public async Task The_site_overview_names_its_attributes_from_the_methodologys_catalogue()
    {
        var siteId = await SiteIdAsync("Slezská aréna");

        var site = await Fixture.AsAsync<SiteDetails?, SiteQueries>(ArenaManager, q => q.GetAsync(siteId));

        Assert.Equal(["alcohol-served", "high-profile-events", "outdoor-queues"], site!.AttributeNames.Select(a => a.Key).Order(StringComparer.Ordinal));
        Assert.Equal(new LocalizedText("Queues form outside", "Fronty se tvoří venku"), site.AttributeNames.Single(a => a.Key == "outdoor-queues").Name);
        Assert.All(site.AttributeNames, a => Assert.NotNull(a.Name));
        Assert.True(site.HasPlan);
    }
}
