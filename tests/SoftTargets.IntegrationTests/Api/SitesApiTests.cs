using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Api;

public sealed class SitesApiTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    /// <summary>The API writes enums by name.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task An_anonymous_caller_gets_401_not_a_login_page()
    {
        var response = await Fixture.AnonymousClient().GetAsync("/api/sites");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_methodology_editor_reads_every_site_but_gets_403_on_creating_one()
    {
        var client = await Fixture.SignedInClientAsync(Editor);

        var page = await client.GetFromJsonAsync<SiteListPage>("/api/sites", Json);
        var created = await client.PostAsJsonAsync("/api/sites", Profile("Editor's site"));

        Assert.Equal(4, page!.Items.Count);
        Assert.Null(page.Next);
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
    }

    [Fact]
    public async Task A_venue_manager_lists_only_the_own_sites_over_http()
    {
        var client = await Fixture.SignedInClientAsync(SchoolManager);

        var page = await client.GetFromJsonAsync<SiteListPage>("/api/sites", Json);

        var site = Assert.Single(page!.Items);
        Assert.Equal("ZŠ Lipová – hlavní budova", site.Name);
    }

    [Fact]
    public async Task Walking_the_list_by_cursor_gives_every_visible_site_once_in_name_order_and_ends_with_no_next()
    {
        var auditor = await Fixture.SignedInClientAsync(Auditor);
        await using var db = Fixture.NewDbContext();
        var everySite = await db.Sites.OrderBy(s => s.Name).ThenBy(s => s.Id).Select(s => s.Name).ToListAsync();

        var walked = new List<string>();
        string? next = null;
        do
        {
            var page = await auditor.GetFromJsonAsync<SiteListPage>($"/api/sites?pageSize=1{(next is null ? "" : "&after=" + next)}", Json);
            walked.AddRange(page!.Items.Select(s => s.Name));
            next = page.Next;
        }
        while (next is not null && walked.Count <= everySite.Count);
        var manager = await Fixture.SignedInClientAsync(SchoolManager);
        var cursorOfAnotherOrganisation = SiteCursor.Write("", Guid.Empty);
        var managerPage = await manager.GetFromJsonAsync<SiteListPage>($"/api/sites?after={cursorOfAnotherOrganisation}", Json);

        Assert.True(everySite.Count > 1);
        Assert.Equal(everySite, walked);
        Assert.Equal(["ZŠ Lipová – hlavní budova"], managerPage!.Items.Select(s => s.Name));
    }

    [Fact]
    public async Task A_venue_manager_gets_404_for_another_organisations_site_and_200_for_the_own()
    {
        await using var db = Fixture.NewDbContext();
        var stadium = await db.Sites.Where(s => s.Name == "Slezská aréna").Select(s => s.Id).SingleAsync();
        var school = await db.Sites.Where(s => s.Name == "ZŠ Lipová – hlavní budova").Select(s => s.Id).SingleAsync();
        var client = await Fixture.SignedInClientAsync(SchoolManager);

        var foreign = await client.GetAsync($"/api/sites/{stadium}");
        var own = await client.GetAsync($"/api/sites/{school}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("Slezská", await foreign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Lipová", await own.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_site_page_answers_404_to_a_venue_manager_of_another_organisation()
    {
        await using var db = Fixture.NewDbContext();
        var stadium = await db.Sites.Where(s => s.Name == "Slezská aréna").Select(s => s.Id).SingleAsync();
        var client = await Fixture.SignedInClientAsync(SchoolManager);

        var response = await client.GetAsync($"/sites/{stadium}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Slezská aréna", await response.Content.ReadAsStringAsync());
    }

    private static object Profile(string name, int occupancy = 450) => new
    {
        name, address = "Náměstí 1, Brno", region = "Jihomoravsky", venueTypeKey = "theatre-cinema",
        maxOccupancy = occupancy, dailyVisitors = 300, openingHours = "Tu–Su 18:00–23:00", attributes = new[] { "alcohol-served" },
    };

    [Fact]
    public async Task A_venue_manager_creates_updates_and_deletes_an_own_site_over_http()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var created = await client.PostAsJsonAsync("/api/sites", Profile("Divadlo Brno"));
        var id = (await created.Content.ReadFromJsonAsync<CreatedSite>())!.Id;
        var site = await client.GetFromJsonAsync<SiteDetails>($"/api/sites/{id}", Json);
        var updated = await client.PutAsJsonAsync($"/api/sites/{id}", new { profile = Profile("Divadlo Brno", 500), version = site!.Version });
        var stale = await client.PutAsJsonAsync($"/api/sites/{id}", new { profile = Profile("Divadlo Brno", 600), version = site.Version });
        var newVersion = (await updated.Content.ReadFromJsonAsync<VersionOnly>())!.Version;
        var deleted = await client.DeleteAsync($"/api/sites/{id}?version={newVersion}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(450, site.Profile.MaxOccupancy);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.Sites.AnyAsync(s => s.Id == id));
    }

    [Fact]
    public async Task Invalid_input_gets_400_with_the_field_and_saves_nothing()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);
        await using var db = Fixture.NewDbContext();
        var before = await db.Sites.CountAsync();

        var response = await client.PostAsJsonAsync("/api/sites", Profile("", -5));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Name", body);
        Assert.Contains("MaxOccupancy", body);
        Assert.Equal(before, await db.Sites.CountAsync());
    }

    [Fact]
    public async Task Only_venue_managers_change_sites_and_only_their_own()
    {
        var auditor = await Fixture.SignedInClientAsync(Auditor);
        var otherManager = await Fixture.SignedInClientAsync(SchoolManager);
        var stadium = await SiteIdAsync("Slezská aréna");
        await using var db = Fixture.NewDbContext();
        var version = await db.Sites.Where(s => s.Id == stadium).Select(s => s.Version).SingleAsync();

        var byAuditor = await auditor.PostAsJsonAsync("/api/sites", Profile("Auditor's site"));
        var byOtherManager = await otherManager.DeleteAsync($"/api/sites/{stadium}?version={version}");
        var anonymous = await Fixture.AnonymousClient().PostAsJsonAsync("/api/sites", Profile("Nobody's site"));

        Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherManager.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.True(await db.Sites.AnyAsync(s => s.Id == stadium));
    }

    [Fact]
    public async Task Sites_are_imported_from_csv_over_http_all_or_nothing()
    {
        const string good = "name;address;region;venueType;maxOccupancy\nKino Lucerna;Vodičkova 36, Praha;Praha;theatre-cinema;1 200\n";
        const string bad = "name;address;region;venueType;maxOccupancy\nKino Svět;Náměstí 2, Zlín;Zlínský kraj;theatre-cinema;300\nKino X;Ulice 1;Bavaria;theatre-cinema;100\n";
        var manager = await Fixture.SignedInClientAsync(ArenaManager);
        var auditor = await Fixture.SignedInClientAsync(Auditor);
        await using var db = Fixture.NewDbContext();
        var before = await db.Sites.CountAsync();

        var imported = await manager.PostAsync("/api/sites/import", new StringContent(good, System.Text.Encoding.UTF8, "text/csv"));
        var refused = await manager.PostAsync("/api/sites/import", new StringContent(bad, System.Text.Encoding.UTF8, "text/csv"));
        var forbidden = await auditor.PostAsync("/api/sites/import", new StringContent(good, System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(3, Assert.Single(errors.EnumerateArray()).GetProperty("line").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(before + 1, await db.Sites.CountAsync());
        Assert.Equal(1200, (await db.Sites.SingleAsync(s => s.Name == "Kino Lucerna")).MaxOccupancy);
    }

    private sealed record CreatedSite(Guid Id);

    private sealed record VersionOnly(uint Version);
}
