using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Api;

public sealed class SitesApiTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task An_anonymous_caller_gets_401_not_a_login_page()
    {
        var response = await Fixture.AnonymousClient().GetAsync("/api/sites");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_methodology_editor_gets_403()
    {
        var client = await Fixture.SignedInClientAsync(Editor);

        var response = await client.GetAsync("/api/sites");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_venue_manager_lists_only_the_own_sites_over_http()
    {
        var client = await Fixture.SignedInClientAsync(SchoolManager);

        var page = await client.GetFromJsonAsync<PagedResult<SiteListItem>>("/api/sites");

        var site = Assert.Single(page!.Items);
        Assert.Equal("ZŠ Lipová – hlavní budova", site.Name);
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
}
