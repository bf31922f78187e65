using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Sites;

public sealed class SiteTenancyTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Theory]
    [InlineData(ArenaManager, 3)]
    [InlineData(SchoolManager, 1)]
    [InlineData(Auditor, 4)]
    [InlineData(Editor, 4)]
    [InlineData(Administrator, 0)]
    public async Task Each_role_lists_only_the_sites_it_may_see(string email, int expected)
    {
        var page = await Fixture.AsAsync<PagedResult<SiteListItem>, SiteQueries>(email, q => q.ListAsync(new PageRequest()));

        Assert.Equal(expected, page.TotalCount);
        Assert.Equal(expected, page.Items.Count);
    }

    [Fact]
    public async Task A_venue_manager_lists_only_the_own_organisations_sites()
    {
        var manager = await Fixture.ActorAsync(ArenaManager);

        var page = await Fixture.AsAsync<PagedResult<SiteListItem>, SiteQueries>(ArenaManager, q => q.ListAsync(new PageRequest()));

        Assert.All(page.Items, s => Assert.Equal("ArenaPlus Venues a.s.", s.OrganizationName));
        await using var db = Fixture.NewDbContext();
        Assert.All(page.Items, s => Assert.Equal(manager.OrganizationId, db.Sites.Single(x => x.Id == s.Id).OrganizationId));
    }

    [Fact]
    public async Task A_venue_manager_cannot_read_another_organisations_site()
    {
        var schoolSite = await SiteIdAsync("ZŠ Lipová – hlavní budova");

        var site = await Fixture.AsAsync<SiteDetails?, SiteQueries>(ArenaManager, q => q.GetAsync(schoolSite));

        Assert.Null(site);
    }

    [Fact]
    public async Task An_auditor_reads_any_site_with_its_zones_and_contacts()
    {
        var stadium = await SiteIdAsync("Slezská aréna");

        var site = await Fixture.AsAsync<SiteDetails?, SiteQueries>(Auditor, q => q.GetAsync(stadium));

        Assert.NotNull(site);
        Assert.Equal("Slezská aréna", site.Profile.Name);
        Assert.Single(site.Zones);
        Assert.Equal(2, site.Contacts.Count);
        Assert.Equal("Stadium", site.VenueType?.En);
        Assert.Equal("Útok střelnou zbraní", site.Threats.Single(t => t.ThreatKey == "firearms").Threat?.Cs);
        Assert.All(site.Contacts, c => Assert.Equal("Security lead", c.Role?.En));
    }

    [Fact]
    public async Task A_venue_manager_cannot_change_another_organisations_site_and_nothing_is_saved()
    {
        var schoolSite = await SiteIdAsync("ZŠ Lipová – hlavní budova");
        var version = await SiteVersionAsync(schoolSite);

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<SiteService>(ArenaManager,
            s => s.UpdateProfileAsync(schoolSite, Profile("Taken over"), version)));

        await using var db = Fixture.NewDbContext();
        Assert.Equal("ZŠ Lipová – hlavní budova", (await db.Sites.SingleAsync(s => s.Id == schoolSite)).Name);
    }

    [Fact]
    public async Task A_venue_manager_cannot_create_a_site_for_another_organisation()
    {
        var school = (await Fixture.ActorAsync(SchoolManager)).OrganizationId!.Value;

        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<SiteService>(ArenaManager,
            s => s.CreateAsync(school, Profile("Foreign site"))));
    }

    [Fact]
    public async Task An_auditor_reads_but_cannot_change_a_site()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        var version = await SiteVersionAsync(stadium);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<SiteService>(Auditor,
            s => s.UpdateProfileAsync(stadium, Profile("Renamed by auditor"), version)));
    }

    [Fact]
    public async Task A_venue_manager_changes_the_own_site()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        var version = await SiteVersionAsync(stadium);

        var newVersion = await Fixture.AsAsync<uint, SiteService>(ArenaManager, s => s.UpdateProfileAsync(stadium, Profile("Slezská aréna Ostrava"), version));

        Assert.NotEqual(version, newVersion);
        await using var db = Fixture.NewDbContext();
        var saved = await db.Sites.SingleAsync(s => s.Id == stadium);
        Assert.Equal("Slezská aréna Ostrava", saved.Name);
        Assert.Equal(ArenaManager, saved.UpdatedBy);
    }

    private static SiteProfile Profile(string name) =>
        new(name, "Somewhere 1, Ostrava", "Moravskoslezsky", "stadium", 15000, 4000, "daily", ["outdoor-queues"]);
}
