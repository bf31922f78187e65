using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Culture;

public sealed class CultureSwitchTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Switching_to_czech_shows_czech_navigation_and_is_remembered()
    {
        await SignInAsync(Auditor);
        await Assertions.Expect(Page.Locator("#nav-sites")).ToHaveTextAsync("Sites");

        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await WaitForCircuitAsync();

        await Assertions.Expect(Page.Locator("#nav-sites")).ToHaveTextAsync("Objekty");
        await Assertions.Expect(Page.Locator("#nav-home")).ToHaveTextAsync("Úvod");
        await Assertions.Expect(Page.Locator("#home-auditor")).ToHaveTextAsync("Celá republika");
        await AssertAccessibleAsync();

        await GoToAsync("/sites");
        await Page.Locator("#site-grid tbody tr a").First.WaitForAsync();
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "cs");
        await Assertions.Expect(Page.Locator("#site-grid")).ToContainTextAsync("Řádků na stránku");
        await Assertions.Expect(Page.Locator("#site-search")).ToHaveAttributeAsync("placeholder", new Regex("Hledat"));
        await AssertAccessibleAsync();
    }
}
