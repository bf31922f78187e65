using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.E2ETests.Infrastructure;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.E2ETests.Plans;

public sealed class PlanJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Stadium = "Slezská aréna";

    protected override bool ChangesData => true;

    [Fact]
    public async Task A_venue_manager_implements_a_measure_with_evidence_and_takes_the_plan_away_in_Word()
    {
        var (siteId, key, title) = await OpenMeasureAsync(Stadium);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{siteId}/plan");
        await Page.Locator("#plan-measures").WaitForAsync();
        await AssertAccessibleAsync();

        var row = Page.Locator($"#plan-measures tr[data-key='{key}']");
        await row.Locator(".edit-measure").ClickAsync();
        await Page.Locator(".mud-dialog #measure-owner").WaitForAsync();
        await AssertAccessibleAsync();
        await ChooseAsync("#measure-status", "Implemented");
        await Page.FillAsync("#measure-owner", "Petra Horáková");
        await Page.ClickAsync("#measure-save");
        await Assertions.Expect(row.Locator(".measure-status")).ToContainTextAsync("Implemented");
        await Assertions.Expect(row.Locator(".measure-owner")).ToHaveTextAsync("Petra Horáková");

        await row.Locator(".upload-evidence").ClickAsync();
        await Page.Locator("#evidence-rules").WaitForAsync();
        await Assertions.Expect(Page.Locator("#evidence-rules")).ToContainTextAsync("10 MB");
        await Assertions.Expect(Page.Locator("#evidence-rules")).ToContainTextAsync(".pdf");
        var pdf = await WritePdfAsync();
        await Page.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(pdf);
        await Assertions.Expect(Page.Locator("#evidence-chosen")).ToContainTextAsync(Path.GetFileName(pdf));
        await AssertAccessibleAsync();
        await Page.ClickAsync("#evidence-upload");
        await Assertions.Expect(Page.Locator(".mud-snackbar").Filter(new() { HasText = "uploaded as evidence" })).ToContainTextAsync(Path.GetFileName(pdf));
        await Assertions.Expect(row.Locator(".evidence-link")).ToHaveTextAsync(Path.GetFileName(pdf));

        var evidence = await Page.RunAndWaitForDownloadAsync(() => row.Locator(".evidence-link").ClickAsync());
        Assert.Equal(await File.ReadAllBytesAsync(pdf), await File.ReadAllBytesAsync(await evidence.PathAsync()));

        var plan = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#download-plan"));
        Assert.EndsWith(".docx", plan.SuggestedFilename);
        using var document = WordprocessingDocument.Open(await plan.PathAsync(), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(Stadium, text);
        Assert.Contains(title, text);
    }

    [Fact]
    public async Task The_plan_page_and_its_print_view_work_in_Czech()
    {
        var (siteId, _, _) = await OpenMeasureAsync(Stadium);
        await SignInAsync(Auditor);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync($"/sites/{siteId}/plan");
        await Page.Locator("#plan-measures").WaitForAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync($"Plán: {Stadium}");
        await Assertions.Expect(Page.Locator("#plan-measures thead")).ToContainTextAsync("Odpovědná role");
        await Assertions.Expect(Page.Locator("#generate-plan, .edit-measure")).ToHaveCountAsync(0);
        await Page.ClickAsync("#show-excluded");
        await Assertions.Expect(Page.Locator("#excluded-measures, #excluded-none")).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        await Page.GotoAsync($"/sites/{siteId}/plan/print");
        await Assertions.Expect(Page.Locator("#print-heading")).ToContainTextAsync("Plán připravenosti");
        await Assertions.Expect(Page.Locator("#print-contacts")).ToContainTextAsync("Tomáš Beneš");
        await Assertions.Expect(Page.Locator("#print-measures tbody tr")).Not.ToHaveCountAsync(0);
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_venue_manager_generates_the_first_plan_of_a_site()
    {
        var siteId = await App.WithServicesAsync(sp => sp.GetRequiredService<SoftTargetsDbContext>().Sites
            .Where(s => s.Name == "Obchodní centrum Brána Plzeň").Select(s => s.Id).SingleAsync());
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{siteId}/plan");
        await Page.Locator("#no-plan").WaitForAsync();
        await AssertAccessibleAsync();

        await Page.ClickAsync("#generate-plan");

        await Assertions.Expect(Page.Locator("#plan-revision")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#generate-plan")).ToHaveTextAsync("Regenerate");
        await Assertions.Expect(Page.Locator("#plan-measures tbody tr[data-key]")).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_site_below_the_methodology_s_scope_says_so_above_its_gaps_in_both_languages()
    {
        var siteId = await App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<SoftTargetsDbContext>();
            var stadium = await db.Sites.Where(s => s.Name == Stadium).Select(s => new { s.OrganizationId, s.MethodologyId }).SingleAsync();
            var cafe = new Core.Domain.Sites.Site(stadium.OrganizationId, stadium.MethodologyId, new Core.Domain.Sites.SiteProfile("Kavárna Aréna", "Závodní 1, Ostrava",
                "Moravskoslezsky", "restaurant-bar", 30, 100, "8:00–18:00", []));
            cafe.AddZone("Café", 30, 1, "", "Storeroom");
            db.Sites.Add(cafe);
            await db.SaveChangesAsync();
            return cafe.Id;
        });
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{siteId}/plan");
        await Page.Locator("#no-plan").WaitForAsync();
        await Page.ClickAsync("#generate-plan");

        var notice = Page.Locator("#plan-out-of-scope");
        await Assertions.Expect(notice).ToContainTextAsync("Outside the scope of the methodology because occupancy 30 < 50");
        await Assertions.Expect(notice).ToContainTextAsync("no deputies are asked for");
        await Assertions.Expect(Page.Locator("#plan-measures tbody tr[data-key]")).ToHaveCountAsync(5);
        await AssertAccessibleAsync();

        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync($"/sites/{siteId}/plan");
        await Assertions.Expect(Page.Locator("#plan-out-of-scope")).ToContainTextAsync("Mimo působnost metodiky, protože obsazenost 30 < 50");
        await AssertAccessibleAsync();
    }

    /// <summary>A site's first applicable measure nobody has started, with its English title from the plan.</summary>
    private Task<(Guid SiteId, string Key, string Title)> OpenMeasureAsync(string siteName) => App.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<SoftTargetsDbContext>();
        var siteId = await db.Sites.Where(s => s.Name == siteName).Select(s => s.Id).SingleAsync();
        var key = await db.PlanMeasures.Where(m => m.SiteId == siteId && m.IsApplicable && m.Status == MeasureStatus.NotStarted)
            .OrderBy(m => m.MeasureKey).Select(m => m.MeasureKey).FirstAsync();
        var document = await PlanDocuments.ReadAsync(db, await db.SitePlans.Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision).FirstAsync());
        return (siteId, key, document.Measures.Single(m => m.Key == key).Title.En);
    });

    /// <summary>A small but real one-page PDF, the kind of scan a venue manager uploads.</summary>
    private static async Task<string> WritePdfAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"drill-report-{Guid.NewGuid():N}.pdf");
        const string content = "BT /F1 12 Tf 72 720 Td (Lockdown drill report) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        await File.WriteAllTextAsync(path, pdf.ToString(), System.Text.Encoding.ASCII);
        return path;
    }
}
