using Microsoft.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Data;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Sites;

public sealed class SiteTenancyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_venue_manager_typing_another_organisations_site_address_gets_the_not_found_page()
    {
        var schoolSite = await SiteIdAsync("ZŠ Lipová – hlavní budova");
        await SignInAsync(ArenaManager);

        var response = await Page.GotoAsync($"/sites/{schoolSite}");
        await WaitForCircuitAsync();

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(Page.Locator("#not-found")).ToBeVisibleAsync();
        Assert.DoesNotContain("Lipová", await Page.ContentAsync());
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_venue_manager_opening_an_administration_page_gets_access_denied()
    {
        await SignInAsync(ArenaManager);

        await GoToAsync("/admin/users");

        await Assertions.Expect(Page.Locator("#access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#user-table")).ToHaveCountAsync(0);
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_venue_manager_opens_the_own_site_from_the_list()
    {
        await SignInAsync(SchoolManager);

        await Page.ClickAsync("#nav-sites");
        await Page.Locator("#site-grid a:has-text('ZŠ Lipová')").ClickAsync();

        await Assertions.Expect(Page.Locator("#site-name")).ToHaveTextAsync("ZŠ Lipová – hlavní budova");
        Assert.Contains("Pavilion A", await Page.ContentAsync());
        await AssertAccessibleAsync();
    }
}
