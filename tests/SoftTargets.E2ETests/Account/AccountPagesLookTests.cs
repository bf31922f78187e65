using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Account;

/// <summary>The own-account pages are plain HTML forms under MudBlazor's reset: their fields and links must still show.</summary>
public sealed class AccountPagesLookTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_profile_page_shows_a_bordered_name_field_and_its_links_as_links_at_390_px()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(ArenaManager);
        await Page.GotoAsync("/account/profile");

        var name = Page.Locator("#display-name");
        await Assertions.Expect(name).ToBeVisibleAsync();
        var border = await name.EvaluateAsync<string>("e => getComputedStyle(e).borderTopWidth + ' ' + getComputedStyle(e).borderTopStyle");
        var link = Page.Locator(".login-card ul a").First;
        var underline = await link.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine");

        Assert.Equal("1px solid", border);
        Assert.Equal("underline", underline);
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await AssertAccessibleAsync();
    }
}
