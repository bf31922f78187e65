using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.IntegrationTests.Methodology;

namespace SoftTargets.IntegrationTests.Api;

/// <summary>The guideline preview, the site API and the CSV import with two methodologies published.</summary>
public sealed class GuidelinePreviewByMethodologyTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly object Theatre = new
    {
        name = "Royal Theatre", address = "1 Strand, London", region = "England", venueTypeKey = "theatre", maxOccupancy = 1000,
        attributes = new[] { "public-queues" },
    };

    [Fact]
    public async Task The_preview_follows_the_methodology_and_version_asked_for_and_the_default_methodology_without_them()
    {
        var (methodologyId, _) = await SecondMethodology.PublishAsync(Fixture);
        await PublishSecondVersionAsync(methodologyId);
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var newest = await PreviewAsync(client, $"?methodology={SecondMethodology.Code}", Theatre);
        var first = await PreviewAsync(client, $"?methodology={SecondMethodology.Code}&version=1", Theatre);
        var czech = await PreviewAsync(client, "", new { name = "Aréna", venueTypeKey = "stadium", maxOccupancy = 12000 });
        var czechByCode = await PreviewAsync(client, "?methodology=cz-soft-targets&version=1", new { name = "Aréna", venueTypeKey = "stadium", maxOccupancy = 12000 });

        Assert.Equal(["UK-PROC-01", "UK-QUE-01", "UK-SEC-01"], Applicable(first));
        Assert.Equal(["UK-PROC-01", "UK-QUE-01"], Applicable(newest));
        Assert.Equal("enhanced", czech.GetProperty("tier").GetString());
        Assert.Contains("GOV-01", Applicable(czech));
        Assert.Equal(Applicable(czech), Applicable(czechByCode));
    }

    [Fact]
    public async Task An_unknown_methodology_or_version_is_a_bad_request_that_names_what_there_is()
    {
        await SecondMethodology.PublishAsync(Fixture);
        var client = await Fixture.SignedInClientAsync(Auditor);

        var methodology = await client.PostAsJsonAsync("/api/guidelines/preview?methodology=fr-vigipirate", Theatre);
        var version = await client.PostAsJsonAsync($"/api/guidelines/preview?methodology={SecondMethodology.Code}&version=7", Theatre);
        var czechTypeUnderUk = await client.PostAsJsonAsync($"/api/guidelines/preview?methodology={SecondMethodology.Code}",
            new { name = "Aréna", venueTypeKey = "stadium", maxOccupancy = 12000 });

        Assert.Equal(HttpStatusCode.BadRequest, methodology.StatusCode);
        Assert.Equal("application/problem+json", methodology.Content.Headers.ContentType?.MediaType);
        var text = await methodology.Content.ReadAsStringAsync();
        Assert.Contains("Unknown methodology 'fr-vigipirate'", text);
        Assert.Contains("cz-soft-targets, uk-protected-premises", text);
        Assert.Equal(HttpStatusCode.BadRequest, version.StatusCode);
        Assert.Contains("no published version 7", await version.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, czechTypeUnderUk.StatusCode);
        Assert.Contains("sports-ground, theatre, place-of-worship", await czechTypeUnderUk.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_site_api_creates_a_site_that_follows_the_methodology_named_in_the_body()
    {
        var (methodologyId, _) = await SecondMethodology.PublishAsync(Fixture);
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var created = await client.PostAsJsonAsync("/api/sites", new
        {
            name = "Royal Theatre", address = "1 Strand, London", region = "England", venueTypeKey = "theatre", maxOccupancy = 1000,
            dailyVisitors = 800, openingHours = "", attributes = new[] { "public-queues" }, methodology = SecondMethodology.Code,
        });
        var unknown = await client.PostAsJsonAsync("/api/sites", new
        {
            name = "Other Theatre", address = "2 Strand, London", region = "England", venueTypeKey = "theatre", maxOccupancy = 1000,
            dailyVisitors = 800, openingHours = "", attributes = Array.Empty<string>(), methodology = "fr-vigipirate",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await using var db = Fixture.NewDbContext();
        Assert.Equal(methodologyId, await db.Sites.Where(s => s.Id == id).Select(s => s.MethodologyId).SingleAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'fr-vigipirate' is not a published methodology", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_csv_import_puts_each_row_under_its_methodology_and_names_the_allowed_codes_for_an_unknown_one()
    {
        var (methodologyId, _) = await SecondMethodology.PublishAsync(Fixture);
        var czech = await SecondMethodology.CzechMethodologyIdAsync(Fixture);
        const string header = "name;address;region;venueType;maxOccupancy;methodology\n";

        var bad = await ImportAsync(header +
            "Royal Theatre;1 Strand;England;theatre;1000;uk-protected-premises\n" +
            "Divadlo Ostrava;Čs. legií 14;Moravskoslezský;theatre;1000;\n" +
            "Globe;21 New Globe Walk;Praha;theatre;1500;fr-vigipirate\n");
        var good = await ImportAsync(header +
            "Royal Theatre;1 Strand;England;theatre;1000;UK-Protected-Premises\n" +
            "Divadlo Ostrava;Čs. legií 14;Moravskoslezský;theatre-cinema;1000;\n");

        Assert.Equal([3, 4], bad.Errors.Select(e => e.Line));
        Assert.Contains("'theatre' is not in the published methodology", bad.Errors[0].Message.En);
        Assert.Contains("the methodology 'fr-vigipirate' is not published", bad.Errors[1].Message.En);
        Assert.Contains("cz-soft-targets, uk-protected-premises", bad.Errors[1].Message.En);
        Assert.Contains("metodika „fr-vigipirate“ není zveřejněna", bad.Errors[1].Message.Cs);
        Assert.True(good.Succeeded, string.Join("\n", good.Errors.Select(e => e.Message.En)));
        await using var db = Fixture.NewDbContext();
        Assert.Equal(methodologyId, await db.Sites.Where(s => s.Name == "Royal Theatre").Select(s => s.MethodologyId).SingleAsync());
        Assert.Equal(czech, await db.Sites.Where(s => s.Name == "Divadlo Ostrava").Select(s => s.MethodologyId).SingleAsync());
    }

    private Task<SiteCsvResult> ImportAsync(string csv) =>
        Fixture.AsAsync<SiteCsvResult, SiteCsvImport>(ArenaManager, i => i.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv))));

    /// <summary>Version 2 of the test methodology: the security plan no longer applies to the enhanced tier.</summary>
    private async Task PublishSecondVersionAsync(Guid methodologyId)
    {
        var draftId = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(methodologyId));
        var draft = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
        await Fixture.AsAsync<uint, MethodologyAuthoring>(Editor, a => a.SaveAsync(draftId,
            draft.Content with { Measures = [.. draft.Content.Measures.Where(m => m.Key != "UK-SEC-01")] }, draft.Version));
        await SecondMethodology.PublishDraftAsync(Fixture, draftId, "No security plan.");
    }

    private static async Task<JsonElement> PreviewAsync(HttpClient client, string query, object site)
    {
        var response = await client.PostAsJsonAsync("/api/guidelines/preview" + query, site);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string> Applicable(JsonElement guideline) =>
        guideline.GetProperty("measures").EnumerateArray().Where(m => m.GetProperty("applies").GetBoolean())
            .Select(m => m.GetProperty("key").GetString()!).Order(StringComparer.Ordinal).ToList();
}
