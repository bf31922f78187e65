using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Events;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Audit;
using SoftTargets.Core.Features.Events;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Events;

public sealed class EventServiceTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static readonly EventInput Fair = new("Vánoční trh před sálem", Today.AddDays(30), Today.AddDays(32), 2500,
        EntryChecks.None, "Karel Novák", "+420 602 123 456", ["outdoor-queues"]);

    [Fact]
    public async Task The_sites_venue_manager_creates_edits_and_deletes_an_event()
    {
        var siteId = await SiteIdAsync("Koncertní síň Vltava");

        var id = await Fixture.AsAsync<Guid, EventService>(ArenaManager, s => s.CreateAsync(siteId, Fair));
        var created = (await Fixture.AsAsync<SiteEvents?, EventQueries>(ArenaManager, q => q.ListForSiteAsync(siteId)))!.Events.Single(e => e.Id == id);
        Assert.Equal(Fair.Name, created.Name);
        Assert.Equal(["outdoor-queues"], created.Attributes);

        await Fixture.AsAsync<EventService>(ArenaManager, s => s.UpdateAsync(id, Fair with { ExpectedAttendance = 4000, EntryChecks = EntryChecks.BagChecks }, created.Version));
        await using (var db = Fixture.NewDbContext())
        {
            var saved = await db.SiteEvents.SingleAsync(e => e.Id == id);
            Assert.Equal(4000, saved.ExpectedAttendance);
            Assert.Equal(EntryChecks.BagChecks, saved.EntryChecks);
        }

        var version = await EventVersionAsync(id);
        await Fixture.AsAsync<EventService>(ArenaManager, s => s.DeleteAsync(id, version));
        await using (var db = Fixture.NewDbContext())
            Assert.False(await db.SiteEvents.AnyAsync(e => e.Id == id));
    }

    [Fact]
    public async Task A_stale_edit_is_a_conflict_and_changes_nothing()
    {
        var siteId = await SiteIdAsync("Koncertní síň Vltava");
        var id = await Fixture.AsAsync<Guid, EventService>(ArenaManager, s => s.CreateAsync(siteId, Fair));
        var version = await EventVersionAsync(id);
        await Fixture.AsAsync<EventService>(ArenaManager, s => s.UpdateAsync(id, Fair with { Name = "First" }, version));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Fixture.AsAsync<EventService>(ArenaManager, s => s.UpdateAsync(id, Fair with { Name = "Second" }, version)));
        await using var db = Fixture.NewDbContext();
        Assert.Equal("First", await db.SiteEvents.Where(e => e.Id == id).Select(e => e.Name).SingleAsync());
    }

    [Fact]
    public async Task Invalid_input_is_refused_field_by_field_in_both_languages()
    {
        var siteId = await SiteIdAsync("Koncertní síň Vltava");
        var bad = Fair with { EndsOn = Fair.StartsOn.AddDays(-1), ExpectedAttendance = 0, ResponsiblePhone = "call me", Attributes = ["not-an-attribute"] };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<Guid, EventService>(ArenaManager, s => s.CreateAsync(siteId, bad)));

        Assert.Equal(["Attributes", "EndsOn", "ExpectedAttendance", "ResponsiblePhone"], error.Problems.Keys.Order());
        Assert.Equal(EventMessages.EndBeforeStart.Cs, error.Problems["EndsOn"].Cs);
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.SiteEvents.AnyAsync(e => e.SiteId == siteId));
    }

    [Fact]
    public async Task Another_organisation_sees_no_event_and_an_auditor_reads_but_cannot_change()
    {
        var siteId = await SiteIdAsync("Koncertní síň Vltava");
        var id = await Fixture.AsAsync<Guid, EventService>(ArenaManager, s => s.CreateAsync(siteId, Fair));
        var version = await EventVersionAsync(id);

        Assert.Null(await Fixture.AsAsync<SiteEvents?, EventQueries>(SchoolManager, q => q.ListForSiteAsync(siteId)));
        Assert.Null(await Fixture.AsAsync<EventDetails?, EventQueries>(SchoolManager, q => q.GetAsync(id)));
        Assert.DoesNotContain((await Fixture.AsAsync<UpcomingEvents, EventQueries>(SchoolManager, q => q.UpcomingAsync(100))).Events, e => e.Id == id);
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<EventService>(SchoolManager, s => s.UpdateAsync(id, Fair, version)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<EventService>(SchoolManager, s => s.DeleteAsync(id, version)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<Guid, EventService>(SchoolManager, s => s.CreateAsync(siteId, Fair)));

        var auditorView = await Fixture.AsAsync<SiteEvents?, EventQueries>(Auditor, q => q.ListForSiteAsync(siteId));
        Assert.False(auditorView!.CanChange);
        Assert.Contains(auditorView.Events, e => e.Id == id);
        Assert.NotNull(await Fixture.AsAsync<EventDetails?, EventQueries>(Auditor, q => q.GetAsync(id)));
        Assert.Contains((await Fixture.AsAsync<UpcomingEvents, EventQueries>(Auditor, q => q.UpcomingAsync(100))).Events, e => e.Id == id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<EventService>(Auditor, s => s.UpdateAsync(id, Fair, version)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<EventService>(Auditor, s => s.DeleteAsync(id, version)));
    }

    [Fact]
    public async Task Deleting_the_site_deletes_its_events()
    {
        var siteId = await SiteIdAsync("Obchodní centrum Brána Plzeň");
        var id = await Fixture.AsAsync<Guid, EventService>(ArenaManager, s => s.CreateAsync(siteId, Fair));
        var siteVersion = await SiteVersionAsync(siteId);

        await Fixture.AsAsync<SiteService>(ArenaManager, s => s.DeleteAsync(siteId, siteVersion));

        await using var db = Fixture.NewDbContext();
        Assert.False(await db.SiteEvents.AnyAsync(e => e.Id == id));
    }

    [Fact]
    public async Task A_school_event_below_the_crowd_threshold_adds_the_event_briefing_but_no_crowd_flow_plan_and_stays_standard()
    {
        var school = await SiteIdAsync("ZŠ Lipová – hlavní budova");
        var id = await Fixture.AsAsync<Guid, EventService>(SchoolManager, s => s.CreateAsync(school,
            Fair with { Name = "Školní akademie", ExpectedAttendance = 900, Attributes = [] }));

        var details = await Fixture.AsAsync<EventDetails?, EventQueries>(SchoolManager, q => q.GetAsync(id));

        var added = details!.Checklist.AddedMeasures.Select(m => m.Key).ToList();
        Assert.Contains("EVT-01", added);
        Assert.DoesNotContain("EVT-02", added);
        Assert.Equal("standard", details.Checklist.EventTier);
        Assert.False(details.Checklist.RaisesTier);
    }

    [Fact]
    public async Task An_events_changes_are_in_the_sites_history()
    {
        var siteId = await SiteIdAsync("Koncertní síň Vltava");
        var id = await Fixture.AsAsync<Guid, EventService>(ArenaManager, s => s.CreateAsync(siteId, Fair));

        var history = await Fixture.AsAsync<AuditPage, AuditTrail>(Auditor,
            t => t.ListAsync(new AuditFilter(EntityType: "Site", EntityId: siteId.ToString(), IncludeParts: true), new PageRequest(0, 500)));

        Assert.Contains(history.Items, e => e.EntityType == nameof(SiteEvent) && e.EntityId == id.ToString());
    }

    private async Task<uint> EventVersionAsync(Guid id)
    {
        await using var db = Fixture.NewDbContext();
        return await db.SiteEvents.Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
    }
}
