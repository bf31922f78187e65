using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;
using SoftTargets.Tests;

namespace SoftTargets.E2ETests.Administration;

public sealed class InvitationJourneyTests(AppFixture app) : BrowserTest(app)
{
    protected override bool ChangesData => true;

    [Fact]
    public async Task An_administrator_creates_an_organisation_and_invites_a_manager_who_sets_a_password_in_czech()
    {
        var page = await App.NewPageAsync("cs-CZ");
        await SignInOnAsync(page, Administrator);

        await page.GotoAsync("/admin/organizations");
        await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync("#organization-new");
        await page.FillAsync("#organization-name", "Divadlo Na Rohu s.r.o.");
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator("#organization-region") }).Last.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Praha" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await AxeAsync(page);
        await page.ClickAsync("#organization-save");
        await Assertions.Expect(page.Locator("#organization-table")).ToContainTextAsync("Divadlo Na Rohu s.r.o.");
        await AxeAsync(page);

        await page.GotoAsync("/admin/users");
        await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync("#user-invite");
        await page.FillAsync("#user-email", "reditel@divadlo-na-rohu.example");
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator("#user-organization") }).Last.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Divadlo Na Rohu" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.FillAsync("#user-name", "Jana Ředitelová");
        await AxeAsync(page);
        await page.ClickAsync("#user-save");
        await Assertions.Expect(page.Locator("#user-table")).ToContainTextAsync("reditel@divadlo-na-rohu.example");
        await Assertions.Expect(page.Locator("tr[data-email='reditel@divadlo-na-rohu.example']")).ToContainTextAsync("Pozvaný");
        await AxeAsync(page);

        var mail = await App.Mail.LatestToAsync("reditel@divadlo-na-rohu.example");
        var invited = await App.NewPageAsync("cs-CZ");
        await invited.GotoAsync(new Uri(TestMailServer.LinkIn(mail)).PathAndQuery);
        await Assertions.Expect(invited.Locator("h1")).ToHaveTextAsync("Nastavte si heslo");
        await AxeAsync(invited);
        await invited.FillAsync("#password", "Divadlo-Heslo-2026!");
        await invited.FillAsync("#confirm", "Divadlo-Heslo-2026!");
        await invited.ClickAsync("#password-submit");
        await Assertions.Expect(invited.Locator("#password-set")).ToBeVisibleAsync();
        await AxeAsync(invited);

        await invited.ClickAsync("#to-login");
        await invited.FillAsync("#email", "reditel@divadlo-na-rohu.example");
        await invited.FillAsync("#password", "Divadlo-Heslo-2026!");
        await invited.ClickAsync("#login-submit");
        await invited.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(invited).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    private static async Task SignInOnAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", SoftTargets.Core.Data.Seed.DemoSeeder.Password);
        await page.ClickAsync("#login-submit");
        await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task AxeAsync(IPage page)
    {
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            ResultTypes = [ResultType.Violations],
        });
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")));
    }
}
