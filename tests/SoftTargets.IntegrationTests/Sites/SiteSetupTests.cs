using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Sites;

public sealed class SiteSetupTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static SiteSetup NewSetup(string name = "Divadlo Na Nábřeží") => new(
        new SiteProfile(name, "Nábřeží 3, Brno", "Jihomoravsky", "concert-hall", 900, 700, "18:00–23:00", ["alcohol-served"]),
        [new ZoneInput(null, "Auditorium", 800, 3, "Park in front", "Rehearsal room B")],
        [new ContactInput(null, "security-lead", "Jana Nováková", "+420 601 123 456", "", false),
         new ContactInput(null, "security-lead", "Petr Dvořák", "", "petr@example.cz", true)]);

    private async Task<Guid> ArenaOrganizationAsync()
    {
        await using var db = Fixture.NewDbContext();
        return await db.Users.Where(u => u.Email == ArenaManager).Select(u => u.OrganizationId).SingleAsync();
    }

    [Fact]
    public async Task Creating_from_a_draft_saves_the_site_with_its_parts_and_deletes_the_draft()
    {
        var organizationId = await ArenaOrganizationAsync();
        var draftId = await Fixture.AsAsync<Guid, SiteService>(ArenaManager,
            s => s.SaveDraftAsync(organizationId, null, new SiteDraftContent { Name = "Divadlo Na Nábřeží", MaxOccupancy = 900 }));

        var siteId = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organizationId, NewSetup(), draftId));

        await using var db = Fixture.NewDbContext();
        var site = await db.Sites.Include(s => s.Zones).Include(s => s.Contacts).SingleAsync(s => s.Id == siteId);
        Assert.Equal(organizationId, site.OrganizationId);
        Assert.Equal("Auditorium", Assert.Single(site.Zones).Name);
        Assert.Equal(["Jana Nováková", "Petr Dvořák"], site.Contacts.Select(c => c.Name).Order());
        Assert.False(await db.SiteDrafts.AnyAsync(d => d.Id == draftId));
    }

    [Fact]
    public async Task An_invalid_setup_saves_nothing_and_keeps_the_draft()
    {
        var organizationId = await ArenaOrganizationAsync();
        var draftId = await Fixture.AsAsync<Guid, SiteService>(ArenaManager,
            s => s.SaveDraftAsync(organizationId, null, new SiteDraftContent { Name = "Half done" }));
        var invalid = NewSetup() with { Zones = [new ZoneInput(null, "", -5, 1, "", "")] };

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organizationId, invalid, draftId)));

        Assert.Contains("Zones[0].Capacity", ex.Errors.Keys);
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.Sites.AnyAsync(s => s.Name == "Divadlo Na Nábřeží"));
        Assert.True(await db.SiteDrafts.AnyAsync(d => d.Id == draftId));
    }

    [Fact]
    public async Task A_draft_is_saved_half_way_listed_for_its_organisation_only_and_resumed()
    {
        var organizationId = await ArenaOrganizationAsync();
        var content = new SiteDraftContent { Name = "Nové kino", Region = "Olomoucky", Zones = [new ZoneInput(null, "Sál 1", 120, 2, "", "")] };
        var draftId = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.SaveDraftAsync(organizationId, null, content));
        await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.SaveDraftAsync(organizationId, draftId, content with { Address = "Tř. Svobody 5" }));

        var own = await Fixture.AsAsync<IReadOnlyList<SiteDraftItem>, SiteQueries>(ArenaManager, q => q.ListDraftsAsync());
        var resumed = await Fixture.AsAsync<SiteDraft?, SiteQueries>(ArenaManager, q => q.GetDraftAsync(draftId));
        var otherOrganisation = await Fixture.AsAsync<SiteDraft?, SiteQueries>(SchoolManager, q => q.GetDraftAsync(draftId));
        var auditorsList = await Fixture.AsAsync<IReadOnlyList<SiteDraftItem>, SiteQueries>(Auditor, q => q.ListDraftsAsync());

        Assert.Equal("Nové kino", Assert.Single(own).Title);
        Assert.Equal("Tř. Svobody 5", resumed!.Content.Address);
        Assert.Equal(120, Assert.Single(resumed.Content.Zones).Capacity);
        Assert.Null(otherOrganisation);
        Assert.Empty(auditorsList);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Fixture.AsAsync<Guid, SiteService>(SchoolManager, s => s.SaveDraftAsync(organizationId, null, content)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<SiteService>(SchoolManager, s => s.DeleteDraftAsync(draftId)));
    }

    [Fact]
    public async Task Updating_zones_and_contacts_bumps_the_version_so_a_stale_editor_gets_a_conflict()
    {
        var siteId = await SiteIdAsync("Koncertní síň Vltava");
        var loaded = await Fixture.AsAsync<SiteDetails?, SiteQueries>(ArenaManager, q => q.GetAsync(siteId));
        var setup = new SiteSetup(loaded!.Profile,
            [.. loaded.Zones.Select(z => new ZoneInput(z.Id, z.Name, z.Capacity, z.Entrances, z.AssemblyPoint, z.InvacuationRoom)),
             new ZoneInput(null, "Foyer bar", 150, 2, "Square", "Cloakroom")],
            loaded.Contacts.Select(c => new ContactInput(c.Id, c.RoleKey, c.Name, c.Phone, c.Email, c.IsDeputy)).ToList());

        var newVersion = await Fixture.AsAsync<uint, SiteService>(ArenaManager, s => s.UpdateAsync(siteId, setup, loaded.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Fixture.AsAsync<uint, SiteService>(ArenaManager, s => s.UpdateAsync(siteId, setup with { Zones = [] }, loaded.Version)));

        Assert.NotEqual(loaded.Version, newVersion);
        var after = await Fixture.AsAsync<SiteDetails?, SiteQueries>(ArenaManager, q => q.GetAsync(siteId));
        Assert.Equal(loaded.Zones.Count + 1, after!.Zones.Count);
        Assert.Equal(loaded.Zones.Select(z => z.Id).Order(), after.Zones.Where(z => z.Name != "Foyer bar").Select(z => z.Id).Order());
        await Assert.ThrowsAsync<NotFoundException>(() =>
            Fixture.AsAsync<uint, SiteService>(SchoolManager, s => s.UpdateAsync(siteId, setup, newVersion)));
    }
}
