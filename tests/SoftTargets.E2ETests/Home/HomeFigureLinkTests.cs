using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Home;

/// <summary>A figure on the home page leads to the list it counts, filtered the same way.</summary>
public sealed class HomeFigureLinkTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_overdue_measures_figure_leads_to_a_list_of_exactly_those_measures()
    {
        await SignInAsync(ArenaManager);
        await GoToAsync("/");
        var overdue = int.Parse((await Page.Locator("#fig-overdue .figure-value").InnerTextAsync()).Trim());
        Assert.True(overdue > 0, "The demo data has overdue measures.");

        await Page.ClickAsync("#fig-overdue-link");

        await ExpectAddressAsync(@"/measures\?show=overdue$");
        await Assertions.Expect(Page.Locator("#attention-title")).ToHaveTextAsync("Overdue measures");
        await Assertions.Expect(Page.Locator(".attention-measure")).ToHaveCountAsync(overdue);
        await AssertAccessibleAsync();

        await Page.ClickAsync("#attention-reviews");
        await Assertions.Expect(Page.Locator("#attention-title")).ToHaveTextAsync("Reviews due in 30 days");
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_open_findings_figure_leads_to_the_findings_filtered_to_open_ones()
    {
        await SignInAsync(Auditor);
        await GoToAsync("/");

        await Page.ClickAsync("#fig-open-findings-link");

        await ExpectAddressAsync(@"/findings\?state=Open$");
        await Assertions.Expect(Page.Locator("#finding-grid")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".mud-select").Filter(new() { Has = Page.Locator("#filter-finding-status") }).Last).ToContainTextAsync("Open");
        await AssertAccessibleAsync();
    }
}
