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
    protected override bool ChangesData => true;

    [Fact]
    public async Task An_auditor_filters_by_region_exports_the_table_and_drills_down_to_a_sites_evidence()
    {
        var evidence = Encoding.ASCII.GetBytes("%PDF-1.4\n% drill certificate\n%%EOF\n");
        await App.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SoftTargetsDbContext>();
            var measure = await db.PlanMeasures.Where(m => db.Sites.Any(s => s.Id == m.SiteId && s.Name == "Slezská aréna") && m.IsApplicable)
                .OrderBy(m => m.MeasureKey).Select(m => m.Id).FirstAsync();
            return await services.GetRequiredService<MeasureTracking>()
                .AddEvidenceAsync(measure, "drill-certificate.pdf", new MemoryStream(evidence), DateOnly.FromDateTime(DateTime.UtcNow));
        });
        await SignInAsync(Auditor);
        await GoToAsync("/dashboards");
        await Page.Locator("#table-region").WaitForAsync();
        await Assertions.Expect(Page.Locator("#fig-score .figure-value")).ToContainTextAsync("%");
        await Page.ClickAsync("#score-explained summary");
        await Assertions.Expect(Page.Locator("#score-explained")).ToContainTextAsync("essential 3, recommended 2, enhanced 1");
        await AssertAccessibleAsync();

        await ChooseAsync("#filter-region", "Moravian-Silesian");
        await Page.WaitForURLAsync("**/dashboards?region=Moravskoslezsky");
        await Assertions.Expect(Page.Locator("#table-region tbody tr")).ToHaveCountAsync(2);
        Assert.Contains("Moravian-Silesian", await Page.Locator("#table-region tbody tr").First.InnerTextAsync());

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#export-region-csv"));
        var lines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync())).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Region,Sites,", lines[0]);
        Assert.StartsWith("Moravian-Silesian,1,1,", lines[1]);
        Assert.StartsWith("All sites in view,1,1,", lines[2]);
        Assert.Equal(3, lines.Length);

        await Page.Locator("#table-region tbody tr").First.Locator("a").ClickAsync();
        await Page.WaitForURLAsync("**/dashboards/sites?region=Moravskoslezsky");
        await WaitForCircuitAsync();
        await Assertions.Expect(Page.Locator("#drill-sites")).ToContainTextAsync("Slezská aréna");
        await AssertAccessibleAsync();
        await Page.Locator("#drill-sites a", new() { HasText = "Slezská aréna" }).ClickAsync();
        await Page.Locator("#plan-measures").WaitForAsync();
        var file = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#plan-measures .evidence-link", new() { HasText = "drill-certificate.pdf" }).ClickAsync());
        Assert.Equal(evidence, await File.ReadAllBytesAsync(await file.PathAsync()));
    }

    [Fact]
    public async Task The_dashboard_reads_in_czech_and_is_not_for_venue_managers()
    {
        await SignInAsync(Editor);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync("/dashboards");
        await Page.Locator("#table-region").WaitForAsync();

        Assert.Equal("Přehled souladu", (await Page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Kraj", await Page.Locator("#table-region thead").InnerTextAsync());
        await AssertAccessibleAsync();
        await Page.ClickAsync("#culture-en");

        var manager = await App.NewPageAsync();
        await manager.GotoAsync("/account/login");
        await manager.FillAsync("#email", ArenaManager);
        await manager.FillAsync("#password", Core.Data.Seed.DemoSeeder.Password);
        await manager.ClickAsync("#login-submit");
        await manager.WaitForURLAsync(url => !url.Contains("/account/login"));
        await manager.GotoAsync("/dashboards");
        await Assertions.Expect(manager.Locator("#access-denied")).ToBeVisibleAsync();
        await manager.Context.CloseAsync();
    }
}
