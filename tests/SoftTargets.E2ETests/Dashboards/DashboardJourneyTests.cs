using System.Text.RegularExpressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.Core.Features.Plans;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Dashboards;

public sealed class DashboardJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Stadium = "Slezská aréna";
    private const string FindingTitle = "Evidence from another site";

    protected override bool ChangesData => true;

    [Fact]
    public async Task An_auditor_filters_drills_down_to_evidence_exports_and_records_a_finding_the_manager_answers()
    {
        var evidence = Encoding.ASCII.GetBytes("%PDF-1.4\n% drill certificate\n%%EOF\n");
        var key = await App.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SoftTargetsDbContext>();
            var measure = await db.PlanMeasures.Where(m => db.Sites.Any(s => s.Id == m.SiteId && s.Name == Stadium) && m.IsApplicable)
                .OrderBy(m => m.MeasureKey).FirstAsync();
            await services.GetRequiredService<MeasureTracking>()
                .AddEvidenceAsync(measure.Id, "drill-certificate.pdf", new MemoryStream(evidence), DateOnly.FromDateTime(DateTime.UtcNow));
            return measure.MeasureKey;
        });
        await SignInAsync(Auditor);
        await GoToAsync("/dashboards");
        await Page.Locator("#table-region").WaitForAsync();
        // The sections below the headline figures arrive one at a time, the readiness section last.
        await Page.Locator("#readiness").WaitForAsync();
        await Assertions.Expect(Page.Locator("#dashboard-loading")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#fig-score .figure-value")).ToContainTextAsync("%");
        await Page.ClickAsync("#score-explained summary");
        await Assertions.Expect(Page.Locator("#score-explained")).ToContainTextAsync("essential 3, recommended 2, enhanced 1");
        await Assertions.Expect(Page.Locator("#table-trend tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(Page.Locator("#risk-map caption")).ToContainTextAsync("Inherent risk: number of threat assessments (3 in all)");
        await Page.ClickAsync("#risk-map-residual");
        await Assertions.Expect(Page.Locator("#risk-map caption")).ToContainTextAsync("Residual risk");
        await AssertAccessibleAsync();

        await ChooseAsync("#filter-region", "Moravian-Silesian");
        await ExpectAddressAsync(@"/dashboards\?region=Moravskoslezsky$");
        await Assertions.Expect(Page.Locator("#table-region tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.Locator("#table-region tbody tr").First).ToContainTextAsync("Moravian-Silesian");
        await Assertions.Expect(Page.Locator("#risk-map caption")).ToContainTextAsync("(2 in all)");
        var lines = await DownloadCsvAsync("#export-region-csv");
        Assert.StartsWith("Region,Sites,", lines[0]);
        Assert.StartsWith("Moravian-Silesian,1,1,", lines[1]);
        Assert.StartsWith("All sites in view,1,1,", lines[2]);
        Assert.Equal(3, lines.Length);

        await Page.Locator("#table-region tbody tr").First.Locator("a").ClickAsync();
        await ExpectAddressAsync(@"/dashboards/sites\?region=Moravskoslezsky$");
        await WaitForCircuitAsync();
        await Assertions.Expect(Page.Locator("#drill-sites")).ToContainTextAsync(Stadium);
        await Assertions.Expect(Page.Locator("#drill-count")).ToContainTextAsync("Sites 1–1 of 1");
        var sites = await DownloadCsvAsync("#export-sites-csv");
        Assert.StartsWith("Name,Region,Venue type,Tier,", sites[0]);
        Assert.StartsWith($"{Stadium},Moravian-Silesian,Stadium,", sites[1]);
        Assert.Equal(2, sites.Length);
        await AssertAccessibleAsync();

        await Page.Locator("#drill-sites a", new() { HasText = Stadium }).ClickAsync();
        await Page.Locator("#plan-measures").WaitForAsync();
        await WaitForCircuitAsync();
        var row = Page.Locator($"#plan-measures tr[data-key='{key}']");
        var file = await Page.RunAndWaitForDownloadAsync(() => row.Locator(".evidence-link", new() { HasText = "drill-certificate.pdf" }).ClickAsync());
        Assert.Equal(evidence, await File.ReadAllBytesAsync(await file.PathAsync()));

        await row.Locator(".record-measure-finding").ClickAsync();
        await Page.Locator(".mud-dialog #finding-title").WaitForAsync();
        await ChooseAsync("#finding-severity", "Medium");
        await Page.FillAsync("#finding-title", FindingTitle);
        await Page.FillAsync("#finding-text", "The certificate is from a drill at another site.");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#finding-save");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await SignOutAsync();

        await SignInAsync(ArenaManager);
        await GoToAsync("/findings");
        var finding = Page.Locator("#finding-grid tbody tr").Filter(new() { HasText = FindingTitle });
        await Assertions.Expect(finding).ToContainTextAsync(key);
        await Assertions.Expect(finding.Locator(".finding-state")).ToHaveTextAsync("Open");
        await finding.Locator(".finding-answer").ClickAsync();
        await Page.FillAsync("#finding-answer-text", "Uploaded the certificate of our own drill of 14 May.");
        await Page.ClickAsync("#answer-save");
        await Assertions.Expect(finding.Locator(".finding-state")).ToHaveTextAsync("Answered");
        await AssertAccessibleAsync();
    }

    private async Task<string[]> DownloadCsvAsync(string button)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync(button));
        return Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync())).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task The_dashboard_reads_in_czech_and_is_not_for_venue_managers()
    {
        await SignInAsync(Editor);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync("/dashboards");
        await Page.Locator("#table-region").WaitForAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Přehled souladu");
        await Assertions.Expect(Page.Locator("#table-region thead")).ToContainTextAsync("Kraj");
        await Assertions.Expect(Page.Locator("#risk-map caption")).ToContainTextAsync("Výchozí riziko");
        await Assertions.Expect(Page.Locator("#trend h2")).ToHaveTextAsync("Vývoj za posledních 12 měsíců");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#culture-en");

        var manager = await App.NewPageAsync();
        await manager.GotoAsync("/account/login");
        await manager.FillAsync("#email", ArenaManager);
        await manager.FillAsync("#password", Core.Data.Seed.DemoSeeder.Password);
        await manager.ClickAsync("#login-submit");
        await Assertions.Expect(manager).ToHaveURLAsync(new Regex("^(?!.*/account/login)"), new() { Timeout = 30_000 });
        await manager.GotoAsync("/dashboards");
        await Assertions.Expect(manager.Locator("#access-denied")).ToBeVisibleAsync();
        await manager.Context.CloseAsync();
    }
}
