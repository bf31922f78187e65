using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.IntegrationTests.Methodology;

namespace SoftTargets.IntegrationTests.Sites;

/// <summary>A site's region is one of its methodology's regions, whichever way the site comes in, and is named by that methodology.</summary>
public sealed class SiteRegionsTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static SiteSetup Setup(string region, string name = "Royal Lyceum") =>
        new(SecondMethodology.Theatre(name) with { Region = region }, [], []);

    private async Task<Guid> ArenaOrganizationAsync()
    {
        await using var db = Fixture.NewDbContext();
        return await db.Users.Where(u => u.Email == ArenaManager).Select(u => u.OrganizationId).SingleAsync();
    }

    private Task<SiteCsvResult> ImportAsync(string csv) =>
        Fixture.AsAsync<SiteCsvResult, SiteCsvImport>(ArenaManager, i => i.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv))));

    [Fact]
    public async Task A_site_of_the_second_methodology_is_created_in_one_of_its_regions_and_named_by_it()
    {
        await SecondMethodology.PublishAsync(Fixture);
        var organizationId = await ArenaOrganizationAsync();

        var siteId = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organizationId, Setup("Scotland")));

        var site = (await Fixture.AsAsync<SiteDetails?, SiteQueries>(ArenaManager, q => q.GetAsync(siteId)))!;
        Assert.Equal("Scotland", site.Profile.Region);
        Assert.Equal(new LocalizedText("Scotland", "Scotland"), site.RegionName);
        var listed = await Fixture.AsAsync<PagedResult<SiteListItem>, SiteQueries>(ArenaManager, q => q.ListAsync(new PageRequest(0, 50, Search: "Lyceum")));
        Assert.Equal("Scotland", Assert.Single(listed.Items).RegionName.En);
    }

    [Fact]
    public async Task A_czech_region_is_refused_for_a_site_of_the_second_methodology_with_its_regions_listed()
    {
        await SecondMethodology.PublishAsync(Fixture);
        var organizationId = await ArenaOrganizationAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organizationId, Setup("Praha"))));

        var problem = ex.Problems[nameof(SiteProfile.Region)];
        Assert.Equal("'Praha' is not a region of the site's methodology: use one of England, Scotland, Wales, NorthernIreland.", problem.En);
        Assert.Contains("England, Scotland, Wales, NorthernIreland", problem.Cs, StringComparison.Ordinal);
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.Sites.AnyAsync(s => s.Name == "Royal Lyceum"));
    }

    [Fact]
    public async Task A_scottish_region_is_refused_for_a_site_of_the_czech_methodology()
    {
        await SecondMethodology.PublishAsync(Fixture);
        var organizationId = await ArenaOrganizationAsync();
        var czech = new SiteSetup(new SiteProfile("Divadlo Glasgow", "Nábřeží 3, Brno", "Scotland", "concert-hall", 900, 700, "", []), [], []);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organizationId, czech)));

        Assert.Contains("Praha, Stredocesky", ex.Problems[nameof(SiteProfile.Region)].En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_import_reads_a_region_of_each_rows_methodology_and_refuses_a_region_of_the_other()
    {
        var (methodologyId, _) = await SecondMethodology.PublishAsync(Fixture);
        const string header = "name;address;region;venueType;maxOccupancy;methodology\n";

        var bad = await ImportAsync(header +
            "Royal Lyceum;30b Grindlay Street;Jihomoravsky;theatre;1000;uk-protected-premises\n" +
            "Divadlo Brno;Dvořákova 11;Scotland;theatre-cinema;900;\n");
        var good = await ImportAsync(header +
            "Royal Lyceum;30b Grindlay Street;scotland;theatre;1000;uk-protected-premises\n" +
            "Grand Opera House;Great Victoria Street;Northern Ireland;theatre;1000;uk-protected-premises\n" +
            "Divadlo Brno;Dvořákova 11;Jihomoravský kraj;theatre-cinema;900;\n");

        Assert.Equal([2, 3], bad.Errors.Select(e => e.Line));
        Assert.Contains("the region 'Jihomoravsky' is not one of the methodology's regions; use one of: England, Scotland, Wales, NorthernIreland", bad.Errors[0].Message.En);
        Assert.Contains("the region 'Scotland' is not one of the methodology's regions; use one of: Praha,", bad.Errors[1].Message.En);
        Assert.True(good.Succeeded, string.Join("\n", good.Errors.Select(e => e.Message.En)));
        await using var db = Fixture.NewDbContext();
        var regions = await db.Sites.Where(s => s.Name == "Royal Lyceum" || s.Name == "Grand Opera House" || s.Name == "Divadlo Brno")
            .OrderBy(s => s.Name).Select(s => new { s.Name, s.Region, s.MethodologyId }).ToListAsync();
        Assert.Equal(["Jihomoravsky", "NorthernIreland", "Scotland"], regions.Select(r => r.Region));
        Assert.Equal(methodologyId, regions.Single(r => r.Name == "Royal Lyceum").MethodologyId);
    }

    [Fact]
    public async Task The_site_api_refuses_a_region_of_another_methodology_naming_the_allowed_ones()
    {
        await SecondMethodology.PublishAsync(Fixture);
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var response = await client.PostAsJsonAsync("/api/sites", new
        {
            name = "Royal Lyceum", address = "30b Grindlay Street", region = "Praha", venueTypeKey = "theatre", maxOccupancy = 1000,
            dailyVisitors = 800, openingHours = "", attributes = Array.Empty<string>(), methodology = SecondMethodology.Code,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("England, Scotland, Wales, NorthernIreland", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboards_filter_by_a_region_of_each_methodology_and_offer_the_regions_of_both()
    {
        await SecondMethodology.PublishAsync(Fixture);
        var organizationId = await ArenaOrganizationAsync();
        await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organizationId, Setup("Scotland")));

        var scotland = await Fixture.AsAsync<ComplianceFigures, ComplianceDashboard>(Auditor, d => d.GetTotalsAsync(new DashboardFilter(Region: "Scotland")));
        var moravia = await Fixture.AsAsync<ComplianceFigures, ComplianceDashboard>(Auditor, d => d.GetTotalsAsync(new DashboardFilter(Region: "Moravskoslezsky")));
        var wales = await Fixture.AsAsync<ComplianceFigures, ComplianceDashboard>(Auditor, d => d.GetTotalsAsync(new DashboardFilter(Region: "Wales")));
        var choices = await Fixture.AsAsync<DashboardChoices, ComplianceDashboard>(Auditor, d => d.GetChoicesAsync());
        var overview = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(new DashboardFilter()));

        Assert.Equal(1, scotland.Sites);
        Assert.Equal(1, moravia.Sites);
        Assert.Equal(0, wales.Sites);
        Assert.Equal(18, choices.Names.Regions.Count);
        Assert.Equal("Moravskoslezský kraj", choices.Names.Region("Moravskoslezsky").Cs);
        Assert.Equal("Northern Ireland", choices.Names.Region("NorthernIreland").En);
        Assert.Contains(overview.By(Breakdown.Region), g => g.Key == "Scotland" && g.Figures.Sites == 1);
    }

    [Fact]
    public async Task Demo_sites_keep_their_regions_and_names_also_under_a_version_stored_before_regions_were_catalogues()
    {
        var before = await Fixture.AsAsync<PagedResult<SiteListItem>, SiteQueries>(ArenaManager, q => q.ListAsync(new PageRequest(0, 50)));
        Assert.Contains(before.Items, s => s.Region == "Moravskoslezsky" && s.RegionName == new LocalizedText("Moravian-Silesian", "Moravskoslezský kraj"));

        // A version written before: its document has neither catalogue, and its measures name the categories as the enum did.
        await using (var db = Fixture.NewDbContext())
            await db.Database.ExecuteSqlRawAsync("""UPDATE "MethodologyVersions" SET "Content" = "Content" - 'regions' - 'measureCategories'""");

        var after = await Fixture.AsAsync<PagedResult<SiteListItem>, SiteQueries>(ArenaManager, q => q.ListAsync(new PageRequest(0, 50)));
        Assert.Equal(before.Items.Select(s => (s.Region, s.RegionName)), after.Items.Select(s => (s.Region, s.RegionName)));
        var names = await Fixture.AsAsync<CatalogueNames, MethodologyNames>(Auditor, n => n.PublishedAsync());
        Assert.Equal("Kontrola vstupu a zdržení", names.Category("AccessControl").Cs);
        Assert.Equal(14, names.Regions.Count);
    }
}
