using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Audit;

public sealed class AuditTrailJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Arena = "Slezská aréna";

    protected override bool ChangesData => true;

    [Fact]
    public async Task An_auditor_filters_by_person_and_record_type_and_sees_a_change_before_and_after_side_by_side()
    {
        var arena = await SiteIdAsync(Arena);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{arena}/plan");
        var measure = Page.Locator("#plan-measures tbody tr[data-key]").First;
        await measure.Locator(".edit-measure").ClickAsync();
        await Page.Locator(".mud-dialog #measure-owner").WaitForAsync();
        await Page.FillAsync("#measure-owner", "Eva Svobodová");
        await Page.ClickAsync("#measure-save");
        await Assertions.Expect(Page.Locator(".mud-dialog #measure-owner")).ToHaveCountAsync(0);
        await Page.Context.ClearCookiesAsync();

        await SignInAsync(Auditor);
        await GoToAsync("/audit");
        await Page.Locator("#audit-grid tbody tr .audit-open").First.WaitForAsync();
        await AssertAccessibleAsync();

        await Page.FillAsync("#audit-person", "arenaplus");
        await ChooseAsync("#audit-type", "Plan measure");
        await ExpectAddressAsync("person=arenaplus.*entityType=PlanMeasure|entityType=PlanMeasure.*person=arenaplus");
        var row = Page.Locator("#audit-grid tbody tr:has(.audit-open)");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(ArenaManager);
        await Assertions.Expect(row).ToContainTextAsync("Plan measure");
        await Assertions.Expect(row).ToContainTextAsync("Updated");
        // Named by the measure's key and title and its site, not by an id.
        await Assertions.Expect(row.Locator(".audit-title")).ToHaveTextAsync(new Regex(@"^Plan measure [A-Z]+-\d+ \w"));
        await Assertions.Expect(row.Locator(".audit-site")).ToHaveTextAsync(Arena);

        var changes = Page.Locator("#audit-changes");
        await ClickUntilShownAsync(row.Locator(".audit-open"), changes);
        await Assertions.Expect(changes.Locator("thead th")).ToHaveTextAsync(["Field", "Before", "After"]);
        var owner = changes.Locator("tbody tr").Filter(new() { Has = Page.Locator("th", new() { HasTextRegex = new Regex("^Owner") }) });
        await Assertions.Expect(owner.Locator(".audit-before")).Not.ToHaveTextAsync("Eva Svobodová");
        await Assertions.Expect(owner.Locator(".audit-after strong")).ToHaveTextAsync("Eva Svobodová");
        await Assertions.Expect(owner.Locator("th")).ToContainTextAsync("changed");
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_history_link_on_a_site_opens_the_trail_filtered_to_that_site_and_its_parts()
    {
        var arena = await SiteIdAsync(Arena);
        await SignInAsync(Auditor);
        await GoToAsync($"/sites/{arena}");

        await Page.ClickAsync("#site-history");

        await ExpectAddressAsync($"/audit\\?entityType=Site&entityId={arena}&parts=true");
        await Page.Locator("#audit-grid tbody tr .audit-title").First.WaitForAsync();
        await Assertions.Expect(Page.Locator("#audit-record-id")).ToHaveValueAsync(arena.ToString());
        await Assertions.Expect(Page.Locator("#audit-parts")).ToBeCheckedAsync();
        // Records of the site's parts are listed too, by name, not only the site itself.
        var otherRecords = Page.Locator("#audit-grid tbody tr .audit-title").Filter(new() { HasNotText = $"Site {Arena}" });
        await Assertions.Expect(otherRecords).Not.ToHaveCountAsync(0);
        await AssertAccessibleAsync();

        await Page.ClickAsync("#audit-parts");
        await Assertions.Expect(Page).Not.ToHaveURLAsync(new Regex("parts=true"));
        var row = Page.Locator("#audit-grid tbody tr:has(.audit-open)");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator(".audit-title")).ToHaveTextAsync($"Site {Arena}");
    }

    [Fact]
    public async Task The_trail_and_its_details_read_in_czech()
    {
        var arena = await SiteIdAsync(Arena);
        await SignInAsync(Auditor);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync($"/audit?entityType=Site&entityId={arena}");

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Auditní stopa");
        var row = Page.Locator("#audit-grid tbody tr:has(.audit-open)");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Vytvořeno");
        await Assertions.Expect(row).ToContainTextAsync($"Objekt {Arena}");
        await AssertAccessibleAsync();

        await row.Locator(".audit-open").ClickAsync();
        var changes = Page.Locator("#audit-changes");
        await changes.WaitForAsync();
        await Assertions.Expect(changes.Locator("thead th")).ToHaveTextAsync(["Pole", "Před", "Po"]);
        var name = changes.Locator("tbody tr").Filter(new() { HasText = "Název" });
        await Assertions.Expect(name.Locator(".audit-before")).ToHaveTextAsync("(prázdné)");
        await Assertions.Expect(name.Locator(".audit-after")).ToHaveTextAsync(Arena);
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_generated_plan_is_one_entry_that_opens_to_its_measures_and_the_trail_exports()
    {
        var arena = await SiteIdAsync(Arena);
        await SignInAsync(Auditor);
        await GoToAsync($"/audit?entityType=Site&entityId={arena}&parts=true");

        var plan = Page.Locator("#audit-grid tbody tr").Filter(new() { HasTextRegex = new Regex(@"Plan revision \d+ generated: \d+ measures") }).First;
        await Assertions.Expect(plan).ToBeVisibleAsync();
        await Assertions.Expect(plan).ToContainTextAsync(Arena);
        await AssertAccessibleAsync();

        await plan.Locator("button").First.ClickAsync();
        var measures = Page.Locator(".audit-group-table tbody tr");
        await Assertions.Expect(measures.Filter(new() { HasText = "Plan revision" })).ToHaveCountAsync(1);
        var count = int.Parse(Regex.Match(await plan.InnerTextAsync(), @"generated: (\d+) measures").Groups[1].Value);
        await Assertions.Expect(measures.Filter(new() { HasText = "Plan measure" })).ToHaveCountAsync(count);
        await AssertAccessibleAsync();

        var xlsx = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#audit-export-xlsx"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
        var csv = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#audit-export-csv-semicolon"));
        Assert.EndsWith(".csv", csv.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await csv.PathAsync())!);
        Assert.StartsWith("When;Who;Organisation;Record type;Record;Site;Action;Changes;", text.TrimStart('\uFEFF'));
        Assert.Contains($"Site {Arena}", text);
    }

    [Fact]
    public async Task A_venue_manager_opening_the_audit_trail_gets_access_denied()
    {
        await SignInAsync(ArenaManager);

        await GoToAsync("/audit");

        await Assertions.Expect(Page.Locator("#access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#audit-grid")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#nav-audit")).ToHaveCountAsync(0);
        await AssertAccessibleAsync();
    }
}
