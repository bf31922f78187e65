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
        Assert.Equal(4, await Page.Locator("#site-grid tbody tr a").CountAsync());
        await AssertAccessibleAsync();

        await Page.FillAsync("#site-search", "Plzeň");
        await Page.Locator("#site-search").PressAsync("Enter");
        await Page.WaitForFunctionAsync("() => document.querySelectorAll('#site-grid tbody tr a').length === 1");
        Assert.Contains("Brána Plzeň", await Page.Locator("#site-grid tbody").InnerTextAsync());
    }
}
