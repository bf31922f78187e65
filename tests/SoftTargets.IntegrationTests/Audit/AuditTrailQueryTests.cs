using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Audit;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Audit;

public sealed class AuditTrailQueryTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");

    private static readonly SiteProfile Theatre =
        new("Divadlo Na Rohu", "Rohová 3, Ostrava", "Moravskoslezsky", "theatre-cinema", 450, 300, "Tu–Su 18:00–23:00", []);

    [Theory]
    [InlineData(ArenaManager)]
    [InlineData(Editor)]
    [InlineData(Administrator)]
    public async Task Only_auditors_may_read_the_trail(string email)
    {
        var anyEntry = await AsAuditor(t => t.ListAsync(new AuditFilter(), new PageRequest(0, 1)));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<AuditPage, AuditTrail>(email, t => t.ListAsync(new AuditFilter(), new PageRequest())));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<AuditEntryDetails?, AuditTrail>(email, t => t.GetAsync(anyEntry.Items[0].Id)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<IReadOnlyList<AuditOrganization>, AuditTrail>(email, t => t.ListOrganizationsAsync()));
    }

    [Fact]
    public async Task Filtering_by_person_finds_their_changes_by_part_of_the_e_mail_and_no_one_elses()
    {
        var siteId = await CreateTheatreAsync();
        await UpdateOccupancyAsync(siteId, 520);

        var page = await AsAuditor(t => t.ListAsync(new AuditFilter(Person: "ARENAPLUS"), new PageRequest(0, 100)));

        Assert.Equal(2, page.TotalCount);
        Assert.All(page.Items, e => Assert.Equal(ArenaManager, e.UserName));
        var manager = await Fixture.ActorAsync(ArenaManager);
        var byId = await AsAuditor(t => t.ListAsync(new AuditFilter(UserId: manager.UserId), new PageRequest(0, 100)));
        Assert.Equal(page.Items.Select(e => e.Id), byId.Items.Select(e => e.Id));
        var nobody = await AsAuditor(t => t.ListAsync(new AuditFilter(Person: "zs-lipova"), new PageRequest(0, 100)));
        Assert.Empty(nobody.Items);
    }

    [Fact]
    public async Task Filtering_by_record_gives_every_change_to_that_site_newest_first()
    {
        var siteId = await CreateTheatreAsync();
        await UpdateOccupancyAsync(siteId, 520);

        var page = await AsAuditor(t => t.ListAsync(new AuditFilter(EntityType: "Site", EntityId: siteId.ToString()), new PageRequest()));

        Assert.Equal([AuditAction.Updated, AuditAction.Created], page.Items.Select(e => e.Action));
        Assert.All(page.Items, e => Assert.Equal(siteId.ToString(), e.EntityId));
        Assert.Equal("ArenaPlus Venues a.s.", page.Items[0].OrganizationName);
    }

    [Fact]
    public async Task A_site_with_its_parts_includes_the_changes_to_its_zones_and_no_other_site()
    {
        Guid siteId, otherSiteId;
        string zoneId;
        await using (var db = Fixture.NewDbContext())
        {
            var site = await db.Sites.Include(s => s.Zones).FirstAsync(s => s.Zones.Any());
            (siteId, zoneId) = (site.Id, site.Zones.First().Id.ToString());
            otherSiteId = await db.Sites.Where(s => s.Id != siteId).Select(s => s.Id).FirstAsync();
        }

        var withParts = await AsAuditor(t => t.ListAsync(new AuditFilter(EntityType: "Site", EntityId: siteId.ToString(), IncludeParts: true), new PageRequest(0, 500)));
        var alone = await AsAuditor(t => t.ListAsync(new AuditFilter(EntityType: "Site", EntityId: siteId.ToString()), new PageRequest(0, 500)));

        Assert.Contains(withParts.Items, e => e.EntityType == "Zone" && e.EntityId == zoneId);
        Assert.Contains(withParts.Items, e => e.EntityType == "Site" && e.EntityId == siteId.ToString());
        Assert.DoesNotContain(withParts.Items, e => e.EntityId == otherSiteId.ToString());
        Assert.All(alone.Items, e => Assert.Equal("Site", e.EntityType));
        Assert.True(withParts.TotalCount > alone.TotalCount);
    }

    [Fact]
    public async Task A_time_range_includes_both_days_whole_in_the_users_zone()
    {
        // Prague is UTC+1 in January: 10 January there runs from 9 January 23:00 to 10 January 23:00 UTC.
        await AddEntriesAsync("BoundaryTest",
            Utc(2026, 1, 9, 22, 59, 59), Utc(2026, 1, 9, 23, 0, 0), Utc(2026, 1, 10, 22, 59, 59), Utc(2026, 1, 10, 23, 0, 0));

        var page = await AsAuditor(t => t.ListAsync(
            new AuditFilter(EntityType: "BoundaryTest", From: new DateOnly(2026, 1, 10), To: new DateOnly(2026, 1, 10), Zone: Prague), new PageRequest()));

        Assert.Equal([Utc(2026, 1, 10, 22, 59, 59), Utc(2026, 1, 9, 23, 0, 0)], page.Items.Select(e => e.At.ToUniversalTime()));
        var fromOnly = await AsAuditor(t => t.ListAsync(new AuditFilter(EntityType: "BoundaryTest", From: new DateOnly(2026, 1, 10), Zone: Prague), new PageRequest()));
        Assert.Equal(3, fromOnly.TotalCount);
        var toOnly = await AsAuditor(t => t.ListAsync(new AuditFilter(EntityType: "BoundaryTest", To: new DateOnly(2026, 1, 9), Zone: Prague), new PageRequest()));
        Assert.Equal([Utc(2026, 1, 9, 22, 59, 59)], toOnly.Items.Select(e => e.At.ToUniversalTime()));
    }

    [Fact]
    public async Task Pages_run_from_the_newest_entry_to_the_oldest()
    {
        var times = Enumerable.Range(1, 5).Select(day => Utc(2026, 2, day, 12, 0, 0)).ToArray();
        await AddEntriesAsync("PagingTest", times);

        var first = await AsAuditor(t => t.ListAsync(new AuditFilter(EntityType: "PagingTest"), new PageRequest(0, 2)));
        var second = await AsAuditor(t => t.ListAsync(new AuditFilter(EntityType: "PagingTest"), new PageRequest(1, 2)));
        var third = await AsAuditor(t => t.ListAsync(new AuditFilter(EntityType: "PagingTest"), new PageRequest(2, 2)));

        Assert.Equal(5, first.TotalCount);
        Assert.False(first.IsCountCapped);
        Assert.Equal(times.Reverse(), first.Items.Concat(second.Items).Concat(third.Items).Select(e => e.At.ToUniversalTime()));
    }

    [Fact]
    public async Task Organisation_and_action_narrow_the_trail()
    {
        var siteId = await CreateTheatreAsync();
        await UpdateOccupancyAsync(siteId, 520);
        var manager = await Fixture.ActorAsync(ArenaManager);

        var updates = await AsAuditor(t => t.ListAsync(
            new AuditFilter(OrganizationId: manager.OrganizationId, Action: AuditAction.Updated), new PageRequest(0, 100)));

        var update = Assert.Single(updates.Items);
        Assert.Equal(siteId.ToString(), update.EntityId);
    }

    [Fact]
    public async Task The_details_of_an_update_show_the_values_before_and_after()
    {
        var siteId = await CreateTheatreAsync();
        await UpdateOccupancyAsync(siteId, 520);
        var updated = await AsAuditor(t => t.ListAsync(new AuditFilter(EntityId: siteId.ToString(), Action: AuditAction.Updated), new PageRequest()));

        var details = await AsAuditor(t => t.GetAsync(updated.Items.Single().Id));

        Assert.NotNull(details);
        Assert.True(details.Changes.IsReadable);
        Assert.Equal([new AuditChangeRow("MaxOccupancy", "450", "520")], details.Changes.Rows);
        Assert.Equal(1, details.Entry.ChangedFields);
        Assert.Equal(ArenaManager, details.Entry.UserName);
        Assert.Null(await AsAuditor(t => t.GetAsync(-1)));
    }

    private Task<T> AsAuditor<T>(Func<AuditTrail, Task<T>> call) => Fixture.AsAsync(Auditor, call);

    private async Task<Guid> CreateTheatreAsync()
    {
        var manager = await Fixture.ActorAsync(ArenaManager);
        return await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(manager.OrganizationId!.Value, Theatre));
    }

    private async Task UpdateOccupancyAsync(Guid siteId, int occupancy)
    {
        var version = await SiteVersionAsync(siteId);
        await Fixture.AsAsync<SiteService>(ArenaManager, s => s.UpdateProfileAsync(siteId, Theatre with { MaxOccupancy = occupancy }, version));
    }

    /// <summary>Entries at chosen instants: the interceptor stamps the real time, which a boundary test cannot choose.</summary>
    private async Task AddEntriesAsync(string entityType, params DateTimeOffset[] times)
    {
        await using var db = Fixture.NewDbContext();
        foreach (var at in times)
            await db.Database.ExecuteSqlInterpolatedAsync(
                $$"""INSERT INTO "AuditLog" ("At", "UserId", "UserName", "OrganizationId", "EntityType", "EntityId", "Action", "Changes") VALUES ({{at}}, 'test', 'test', NULL, {{entityType}}, {{at.ToString("O")}}, 'Updated', '{}'::jsonb)""");
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
