using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Events;
using SoftTargets.Core.Features.Events;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.IntegrationTests.Events;

[ReadsOnly]
public sealed class EventGuidelineTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_demo_concert_adds_the_measures_its_attendance_and_attributes_trigger_to_the_stadiums_plan()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        Guid concert;
        await using (var db = Fixture.NewDbContext())
            concert = await db.SiteEvents.Where(e => e.SiteId == stadium).Select(e => e.Id).SingleAsync();

        var details = await Fixture.AsAsync<EventDetails?, EventQueries>("manager@arenaplus.example", q => q.GetAsync(concert));

        var added = details!.Checklist.AddedMeasures.Select(m => m.Key).ToList();
        Assert.Contains("EVT-01", added);
        Assert.Contains("EVT-02", added);
        Assert.Contains("event attendance 20,000 ≥ 5,000", details.Checklist.AddedMeasures.Single(m => m.Key == "EVT-02").Reason.En);
        Assert.Contains(details.Checklist.AddedMeasures, m => m.Reason.En.Contains("Children present", StringComparison.Ordinal));
        Assert.Equal("enhanced", details.Checklist.EventTier);
        Assert.False(details.Checklist.RaisesTier);
    }

    [Fact]
    public async Task Measures_the_venue_already_applies_are_not_added_again()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        await using var db = Fixture.NewDbContext();
        var concert = await db.SiteEvents.SingleAsync(e => e.SiteId == stadium);
        var plan = await db.SitePlans.Where(p => p.SiteId == stadium).OrderByDescending(p => p.Revision).FirstAsync();

        var details = await Fixture.AsAsync<EventDetails?, EventQueries>(Auditor, q => q.GetAsync(concert.Id));

        var venueApplies = (await PlanDocuments.ReadAsync(db, plan)).Applicable.Select(m => m.Key).ToHashSet();
        Assert.DoesNotContain(details!.Checklist.AddedMeasures, m => venueApplies.Contains(m.Key));
        Assert.DoesNotContain("EVT-01", venueApplies);
    }
}
