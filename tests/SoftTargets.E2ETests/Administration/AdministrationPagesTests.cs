using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Administration;

public sealed class AdministrationPagesTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task An_administrator_sees_organisations_and_users()
    {
        await SignInAsync(Administrator);

        await Page.ClickAsync("#nav-organizations");
        await Page.Locator("#organization-table").WaitForAsync();
        await Assertions.Expect(Page.Locator("#organization-table")).ToContainTextAsync("ArenaPlus Venues a.s.");
        await AssertAccessibleAsync();

        await Page.ClickAsync("#nav-users");
        await Page.Locator("#user-table").WaitForAsync();
        await Assertions.Expect(Page.Locator("#user-table")).ToContainTextAsync("auditor@softtargets.example");
        await Assertions.Expect(Page.Locator("#user-table")).ToContainTextAsync("Venue manager");
        await AssertAccessibleAsync();
    }
}
