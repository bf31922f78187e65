using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Dashboards;

/// <summary>A methodology editor follows the dashboard down to a site and reads it, with nothing to change.</summary>
public sealed class EditorDrillDownTests(AppFixture app) : BrowserTest(app)
{
    private const string Stadium = "Slezská aréna";

    [Fact]
    public async Task An_editor_drills_down_from_the_dashboard_to_a_sites_plan_and_overview_read_only()
    {
        await SignInAsync(Editor);
        await GoToAsync("/dashboards/sites");
        await Page.Locator("#drill-sites a", new() { HasText = Stadium }).ClickAsync();

        await ExpectAddressAsync("/plan$");
        await Microsoft.Playwright.Assertions.Expect(Page.Locator("#plan-measures")).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(Page.Locator("#access-denied")).ToHaveCountAsync(0);
        await Microsoft.Playwright.Assertions.Expect(Page.Locator("#generate-plan")).ToHaveCountAsync(0);
        await Microsoft.Playwright.Assertions.Expect(Page.Locator(".edit-measure")).ToHaveCountAsync(0);
        await AssertAccessibleAsync();

        await Page.ClickAsync("#site-tab-overview");
        await Microsoft.Playwright.Assertions.Expect(Page.Locator("#site-name")).ToHaveTextAsync(Stadium);
        await Microsoft.Playwright.Assertions.Expect(Page.Locator("#site-attributes")).ToContainTextAsync("Queues form outside");
        await Microsoft.Playwright.Assertions.Expect(Page.Locator("#site-tab-edit")).ToHaveCountAsync(0);
        await Microsoft.Playwright.Assertions.Expect(Page.Locator("#site-next-step")).ToHaveCountAsync(0);
        await AssertAccessibleAsync();
    }
}
