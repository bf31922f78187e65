using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Sites;

public sealed class SiteListTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task An_auditor_sees_every_site_and_finds_one_by_searching()
    {
        await SignInAsync(Auditor);
        await GoToAsync("/sites");

        await Page.Locator("#site-grid tbody tr a").First.WaitForAsync();
        await Assertions.Expect(Page.Locator("#site-grid tbody tr a")).ToHaveCountAsync(4);
        await AssertAccessibleAsync();

        await Page.FillAsync("#site-search", "Plzeň");
        await Page.Locator("#site-search").PressAsync("Enter");
        await Assertions.Expect(Page.Locator("#site-grid tbody tr a")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("#site-grid tbody")).ToContainTextAsync("Brána Plzeň");
    }
}
