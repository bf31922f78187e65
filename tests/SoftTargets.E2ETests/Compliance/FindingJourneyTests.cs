using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Compliance;

public sealed class FindingJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Stadium = "Slezská aréna";
    private const string Title = "No stand-off at the gate B queue";

    protected override bool ChangesData => true;

    [Fact]
    public async Task An_auditor_records_a_finding_on_a_measure_the_manager_answers_and_the_auditor_closes_it()
    {
        var (siteId, key) = await MeasureAsync(Stadium);
        await SignInAsync(Auditor);
        await GoToAsync($"/sites/{siteId}/plan");
        var row = Page.Locator($"#plan-measures tr[data-key='{key}']");
        await row.Locator(".record-measure-finding").ClickAsync();
        await Page.Locator(".mud-dialog #finding-title").WaitForAsync();
        await Assertions.Expect(Page.Locator("#finding-measure")).ToContainTextAsync(key);
        await ChooseAsync("#finding-severity", "High");
        await Page.FillAsync("#finding-title", Title);
        await Page.FillAsync("#finding-text", "Queues form on the pavement next to the road with no barrier.");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#finding-save");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        await GoToAsync($"/sites/{siteId}");
        var siteRow = Page.Locator("#site-findings-table tr").Filter(new() { HasText = Title });
        await Assertions.Expect(siteRow).ToContainTextAsync(key);
        await Assertions.Expect(siteRow.Locator(".finding-state")).ToHaveTextAsync("Open");
        await AssertAccessibleAsync();
        await SignOutAsync();

        await SignInAsync(ArenaManager);
        await GoToAsync("/findings");
        var gridRow = Page.Locator("#finding-grid tbody tr").Filter(new() { HasText = Title });
        await Assertions.Expect(gridRow).ToContainTextAsync(Stadium);
        await Assertions.Expect(gridRow).ToContainTextAsync("High");
        await AssertAccessibleAsync();
        await gridRow.Locator(".finding-answer").ClickAsync();
        await Page.Locator(".mud-dialog #finding-answer-text").WaitForAsync();
        await AssertAccessibleAsync();
        await Page.FillAsync("#finding-answer-text", "Steel barriers set up along the queue on 2 June.");
        await Page.ClickAsync("#answer-save");
        await Assertions.Expect(gridRow.Locator(".finding-state")).ToHaveTextAsync("Answered");
        await Assertions.Expect(gridRow.Locator(".finding-close")).ToHaveCountAsync(0);
        await SignOutAsync();

        await SignInAsync(Auditor);
        await GoToAsync("/findings");
        await ChooseAsync("#filter-finding-status", "Answered");
        // The row is there before the filter too: wait for the filtered page, or the click lands on a row being replaced.
        await Assertions.Expect(Page.Locator("#finding-grid tbody tr .finding-state").Filter(new() { HasNotText = "Answered" })).ToHaveCountAsync(0);
        await Assertions.Expect(gridRow).ToHaveCountAsync(1);
        await gridRow.Locator(".finding-close").ClickAsync();
        await Assertions.Expect(Page.Locator("#finding-summary")).ToContainTextAsync("Steel barriers");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#review-save");
        await Assertions.Expect(gridRow).ToHaveCountAsync(0);
        await ChooseAsync("#filter-finding-status", "Closed");
        await Assertions.Expect(gridRow.Locator(".finding-state")).ToHaveTextAsync("Closed");
        await Assertions.Expect(gridRow.Locator(".finding-close, .finding-reopen")).ToHaveCountAsync(0);
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_findings_page_works_in_Czech()
    {
        await SignInAsync(Auditor);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync("/findings");

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Zjištění");
        await Assertions.Expect(Page.Locator("#finding-grid thead")).ToContainTextAsync("Závažnost");
        await ChooseAsync("#filter-finding-status", "Otevřené");
        var hallRow = Page.Locator("#finding-grid tbody tr").Filter(new() { HasText = "Koncertní síň Vltava" });
        await Assertions.Expect(hallRow.Locator(".finding-state")).ToHaveTextAsync("Otevřené");
        await Assertions.Expect(hallRow).ToContainTextAsync("Vysoká");
        await Assertions.Expect(hallRow).ToContainTextAsync("Hlavní město Praha");
        await AssertAccessibleAsync();

        await hallRow.Locator(".finding-close").ClickAsync();
        await Page.Locator(".mud-dialog #review-note").WaitForAsync();
        await Page.ClickAsync("#review-save");
        await Assertions.Expect(Page.Locator(".mud-dialog .mud-alert")).ToContainTextAsync("Zjištění zatím nemá odpověď");
        await AssertAccessibleAsync();
    }

    /// <summary>The site and the key of its first tracked applicable measure.</summary>
    private Task<(Guid SiteId, string Key)> MeasureAsync(string siteName) => App.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<SoftTargetsDbContext>();
        var siteId = await db.Sites.Where(s => s.Name == siteName).Select(s => s.Id).SingleAsync();
        var key = await db.PlanMeasures.Where(m => m.SiteId == siteId && m.IsApplicable).OrderBy(m => m.MeasureKey).Select(m => m.MeasureKey).FirstAsync();
        return (siteId, key);
    });
}
