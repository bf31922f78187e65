using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Account;

public sealed class RoleNavigationTests(AppFixture app) : BrowserTest(app)
{
    public static TheoryData<string, string[], string, string, string> Roles => new()
    {
        { Administrator, ["nav-home", "nav-organizations", "nav-users"], "#home-admin-section", "#fig-organizations", "4" },
        { Editor, ["nav-home", "nav-methodology", "nav-dashboards", "nav-sites", "nav-findings"], "#home-editor-section", "#fig-latest", "cz-soft-targets v" },
        { Auditor, ["nav-home", "nav-methodology", "nav-dashboards", "nav-sites", "nav-findings", "nav-audit"], "#home-auditor-section", "#fig-all-sites", "4" },
        { ArenaManager, ["nav-home", "nav-sites", "nav-findings"], "#home-venue-manager", "#fig-sites", "3" },
        { SchoolManager, ["nav-home", "nav-sites", "nav-findings"], "#home-venue-manager", "#fig-sites", "1" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_signs_in_and_sees_its_own_navigation_and_figures_only(
        string email, string[] navigation, string homeSection, string figure, string figureValue)
    {
        await SignInThroughFormAsync(email);

        var shownNavigation = await Page.Locator("[id^='nav-']").EvaluateAllAsync<string[]>("links => links.map(l => l.id)");
        Assert.Equal(navigation.Order(), shownNavigation.Order());
        await Assertions.Expect(Page.Locator(homeSection)).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("section[id^='home-']")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator($"{figure} .figure-value")).ToContainTextAsync(figureValue);
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_page()
    {
        await SignInAsync(Auditor);

        await Page.ClickAsync("#logout");
        // The address, not the load event: on a busy machine the sign-in page's load event can come late.
        await ExpectAddressAsync("/account/login");

        await Page.GotoAsync("/sites");
        await ExpectAddressAsync("/account/login");
    }
}
