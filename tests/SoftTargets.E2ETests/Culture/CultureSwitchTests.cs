using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Culture;

public sealed class CultureSwitchTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Switching_to_czech_shows_czech_navigation_and_is_remembered()
    {
        await SignInAsync(Auditor);
        Assert.Equal("Sites", (await Page.Locator("#nav-sites").InnerTextAsync()).Trim());

        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await WaitForCircuitAsync();

        Assert.Equal("Objekty", (await Page.Locator("#nav-sites").InnerTextAsync()).Trim());
        Assert.Equal("Úvod", (await Page.Locator("#nav-home").InnerTextAsync()).Trim());
        Assert.Equal("Celá republika", await Page.Locator("#home-auditor").InnerTextAsync());
        await AssertAccessibleAsync();

        await GoToAsync("/sites");
        await Page.Locator("#site-grid tbody tr a").First.WaitForAsync();
        Assert.Equal("cs", await Page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Contains("Řádků na stránku", await Page.Locator("#site-grid").InnerTextAsync());
        Assert.Contains("Hledat", await Page.Locator("#site-search").GetAttributeAsync("placeholder") ?? "");
        await AssertAccessibleAsync();
    }
}
