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
        Assert.Contains("ArenaPlus Venues a.s.", await Page.Locator("#organization-table").InnerTextAsync());
        await AssertAccessibleAsync();

        await Page.ClickAsync("#nav-users");
        await Page.Locator("#user-table").WaitForAsync();
        var users = await Page.Locator("#user-table").InnerTextAsync();
        Assert.Contains("auditor@softtargets.example", users);
        Assert.Contains("Venue manager", users);
        await AssertAccessibleAsync();
    }
}
