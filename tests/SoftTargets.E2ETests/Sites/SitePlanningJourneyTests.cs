using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.E2ETests.Infrastructure;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.E2ETests.Sites;

/// <summary>The venue manager's whole job, in Czech: a new site from the wizard to its plan in Word.</summary>
public sealed class SitePlanningJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string SiteName = "Kulturní dům Radost";

    protected override bool ChangesData => true;

    [Fact]
    public async Task A_venue_manager_creates_a_site_assesses_three_threats_generates_the_plan_implements_a_measure_with_evidence_and_downloads_it_in_Word()
    {
        await SignInAsync(ArenaManager);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");

        await GoToAsync("/sites/new");
        await Page.FillAsync("#wizard-name", SiteName);
        await Page.FillAsync("#wizard-address", "Nádražní 25, Havířov");
        await ChooseAsync("#wizard-region", "Moravskoslezský kraj");
        await ChooseAsync("#wizard-venue-type", "Divadlo nebo kino");
        await Page.FillAsync("#wizard-occupancy", "450");
        await Page.FillAsync("#wizard-visitors", "300");
        await Page.ClickAsync("#wizard-next");
        await Page.GetByLabel("Podává se alkohol").CheckAsync();
        await Page.ClickAsync("#wizard-next");
        await Page.ClickAsync("#wizard-add-zone");
        await Page.FillAsync("#wizard-zone-0-name", "Velký sál");
        await Page.FillAsync("#wizard-zone-0-capacity", "400");
        await Page.FillAsync("#wizard-zone-0-entrances", "3");
        await Page.FillAsync("#wizard-zone-0-assembly", "Parkoviště u nádraží");
        await Page.FillAsync("#wizard-zone-0-invacuation", "Šatna v suterénu");
        await Page.ClickAsync("#wizard-next");
        await Page.ClickAsync("#wizard-add-contact");
        await ChooseAsync("#wizard-contact-0-role", "Vedoucí bezpečnosti");
        await Page.FillAsync("#wizard-contact-0-name", "Alena Malá");
        await Page.FillAsync("#wizard-contact-0-phone", "+420 603 222 111");
        await Page.ClickAsync("#wizard-next");
        await Assertions.Expect(Page.Locator("#wizard-ready")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await Page.ClickAsync("#wizard-save");
        await ExpectAddressAsync("/sites/[0-9a-f-]{36}$");
        var siteId = Guid.Parse(new Uri(Page.Url).Segments[^1]);

        await GoToAsync($"/sites/{siteId}/threats");
        await Page.Locator("#threat-table").WaitForAsync();
        await AssessAsync("firearms", inherent: ("3 –", "5 –"), residual: ("2 –", "4 –"));
        await AssessAsync("bladed-weapon", inherent: ("3 –", "3 –"), residual: ("2 –", "3 –"));
        await AssessAsync("arson", inherent: ("2 –", "4 –"), residual: ("1 –", "4 –"));
        await Assertions.Expect(Page.Locator("#heat-cell-3-5 .heat-count")).ToHaveTextAsync("1");
        await AssertAccessibleAsync();

        await GoToAsync($"/sites/{siteId}/plan");
        await Page.ClickAsync("#generate-plan");
        var row = Page.Locator("#plan-measures tbody tr[data-key]").First;
        await row.WaitForAsync();
        var key = (await row.GetAttributeAsync("data-key"))!;
        var title = await App.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SoftTargetsDbContext>();
            return (await PlanDocuments.ReadAsync(db, await db.SitePlans.SingleAsync(p => p.SiteId == siteId))).Measures.Single(m => m.Key == key).Title.Cs;
        });
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Kulturní dům Radost");
        await AssertAccessibleAsync();

        await row.Locator(".edit-measure").ClickAsync();
        await Page.Locator(".mud-dialog #measure-owner").WaitForAsync();
        await ChooseAsync("#measure-status", "Zavedeno");
        await Page.FillAsync("#measure-owner", "Alena Malá");
        await Page.ClickAsync("#measure-save");
        await Assertions.Expect(row.Locator(".measure-status")).ToContainTextAsync("Zavedeno");

        await row.Locator(".upload-evidence").ClickAsync();
        await Page.Locator("#evidence-rules").WaitForAsync();
        await Page.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "kontrola-2026.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"),
        });
        await AssertAccessibleAsync();
        await Page.ClickAsync("#evidence-upload");
        await Assertions.Expect(row.Locator(".evidence-link")).ToHaveTextAsync("kontrola-2026.pdf");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#download-plan"));
        using var document = WordprocessingDocument.Open(await download.PathAsync(), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(SiteName, text);
        Assert.Contains(title, text);
        Assert.Contains("Alena Malá", text);
        await Page.ClickAsync("#culture-en");
    }

    private async Task AssessAsync(string threat, (string Likelihood, string Impact) inherent, (string Likelihood, string Impact) residual)
    {
        await Page.ClickAsync($"#assess-{threat}");
        await Page.Locator("#threat-rationale").WaitForAsync();
        await ChooseAsync("#threat-inherent-likelihood", inherent.Likelihood);
        await ChooseAsync("#threat-inherent-impact", inherent.Impact);
        await ChooseAsync("#threat-residual-likelihood", residual.Likelihood);
        await ChooseAsync("#threat-residual-impact", residual.Impact);
        await Page.FillAsync("#threat-rationale", "Večerní akce s plným sálem a jedním hlavním vchodem.");
        await Page.ClickAsync("#threat-save");
        await Assertions.Expect(Page.Locator($"#inherent-{threat}")).Not.ToBeEmptyAsync();
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }
}
