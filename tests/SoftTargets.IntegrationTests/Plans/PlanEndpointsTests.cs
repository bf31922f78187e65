using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Plans.Export;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Plans;

public sealed class PlanEndpointsTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% drill report\n"u8.ToArray(), .. Enumerable.Range(0, 300).Select(i => (byte)i)];

    [Theory]
    [InlineData(ArenaManager)]
    [InlineData(Auditor)]
    public async Task Evidence_downloads_as_an_attachment_with_its_bytes_for_those_who_see_the_site(string email)
    {
        var (siteId, evidenceId) = await EvidenceAsync();
        var client = await Fixture.SignedInClientAsync(email);

        var response = await client.GetAsync($"/sites/{siteId}/evidence/{evidenceId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("drill-report.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Evidence_is_404_for_another_organisation_and_under_another_site()
    {
        var (siteId, evidenceId) = await EvidenceAsync();
        var otherSite = await SiteIdAsync("Koncertní síň Vltava");
        var school = await Fixture.SignedInClientAsync(SchoolManager);
        var arena = await Fixture.SignedInClientAsync(ArenaManager);

        var foreign = await school.GetAsync($"/sites/{siteId}/evidence/{evidenceId}");
        var wrongSite = await arena.GetAsync($"/sites/{otherSite}/evidence/{evidenceId}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongSite.StatusCode);
        Assert.NotEqual(Pdf, await foreign.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_anonymous_caller_is_sent_to_sign_in_and_gets_no_file()
    {
        var (siteId, evidenceId) = await EvidenceAsync();

        var evidence = await Fixture.AnonymousClient().GetAsync($"/sites/{siteId}/evidence/{evidenceId}");
        var plan = await Fixture.AnonymousClient().GetAsync($"/sites/{siteId}/plan/plan.docx");

        Assert.Equal(HttpStatusCode.Redirect, evidence.StatusCode);
        Assert.StartsWith("/account/login", evidence.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
    }

    [Fact]
    public async Task The_plan_downloads_as_a_Word_document_with_the_site_and_its_measures()
    {
        var siteId = await SiteIdAsync("Slezská aréna");
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var response = await client.GetAsync($"/sites/{siteId}/plan/plan.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlanDocx.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = BodyText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Slezská aréna", text);
        Assert.Contains("Measures", text);
        Assert.Contains(await FirstMeasureKeyAsync(siteId), text);
    }

    [Fact]
    public async Task The_plan_is_written_in_the_callers_language()
    {
        var siteId = await SiteIdAsync("Slezská aréna");
        var client = await Fixture.SignedInClientAsync(Auditor);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/sites/{siteId}/plan/plan.docx");
        request.Headers.AcceptLanguage.ParseAdd("cs");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = BodyText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Opatření", text);
        Assert.DoesNotContain("Why it applies", text);
        // The venue type by its name in the reader's language, not its key.
        Assert.Contains("Typ objektu: Stadion", text);
    }

    [Fact]
    public async Task Pocket_cards_download_as_a_Word_document()
    {
        var siteId = await SiteIdAsync("Slezská aréna");
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var response = await client.GetAsync($"/sites/{siteId}/plan/pocket-cards.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlanDocx.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Petra Horáková", BodyText(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Exports_are_404_for_another_organisation_and_for_a_site_without_a_plan()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        var mall = await SiteIdAsync("Obchodní centrum Brána Plzeň");
        var school = await Fixture.SignedInClientAsync(SchoolManager);
        var arena = await Fixture.SignedInClientAsync(ArenaManager);

        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/sites/{stadium}/plan/plan.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/sites/{stadium}/plan/pocket-cards.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await arena.GetAsync($"/sites/{mall}/plan/plan.docx")).StatusCode);
    }

    [Fact]
    public async Task The_plan_pages_answer_404_to_another_organisation_and_render_for_the_own()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        var school = await Fixture.SignedInClientAsync(SchoolManager);
        var arena = await Fixture.SignedInClientAsync(ArenaManager);

        var foreign = await school.GetAsync($"/sites/{stadium}/plan/print");
        var own = await arena.GetAsync($"/sites/{stadium}/plan/print");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("Slezská aréna", WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        // Razor writes letters outside ASCII as character references.
        var html = WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync());
        Assert.Contains("Slezská aréna", html);
        Assert.Contains("Tomáš Beneš", html);
        Assert.Contains("print-measures", html);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/sites/{stadium}/plan")).StatusCode);
    }

    private async Task<(Guid SiteId, Guid EvidenceId)> EvidenceAsync()
    {
        var siteId = await SiteIdAsync("Slezská aréna");
        await using var db = Fixture.NewDbContext();
        var measureId = await db.PlanMeasures.Where(m => m.SiteId == siteId && m.IsApplicable).OrderBy(m => m.MeasureKey).Select(m => m.Id).FirstAsync();
        var evidenceId = await Fixture.AsAsync<Guid, MeasureTracking>(ArenaManager,
            t => t.AddEvidenceAsync(measureId, "drill-report.pdf", new MemoryStream(Pdf), new DateOnly(2026, 1, 10)));
        return (siteId, evidenceId);
    }

    private async Task<string> FirstMeasureKeyAsync(Guid siteId)
    {
        await using var db = Fixture.NewDbContext();
        return await db.PlanMeasures.Where(m => m.SiteId == siteId && m.IsApplicable && m.Status != MeasureStatus.NotApplicable)
            .OrderBy(m => m.MeasureKey).Select(m => m.MeasureKey).FirstAsync();
    }

    private static string BodyText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
