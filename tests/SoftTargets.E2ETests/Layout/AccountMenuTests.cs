using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Layout;

public sealed class AccountMenuTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_account_menu_opens_from_the_keyboard_lists_the_account_pages_and_leads_to_the_profile()
    {
        await SignInAsync(ArenaManager);
        var activator = Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Account of Martin Provozní$") });

        await activator.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        var profile = Page.Locator("#menu-profile");
        await Assertions.Expect(profile).ToBeVisibleAsync();
        foreach (var item in new[] { "#menu-password", "#menu-two-factor", "#menu-api-tokens", "#menu-logout" })
            await Assertions.Expect(Page.Locator(item)).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        // The arrow keys move through the items; the profile is the first. The menu moves the focus itself a moment after
        // it opens, and each key a moment after it is pressed: each step waits for the focus to move first.
        const string FocusedId = "() => document.activeElement?.id ?? ''";
        await Page.WaitForFunctionAsync("() => document.activeElement?.getAttribute('role') === 'menuitem'");
        for (var press = 0; press < 6 && !await profile.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"); press++)
        {
            var before = await Page.EvaluateAsync<string>(FocusedId);
            await Page.Keyboard.PressAsync("ArrowDown");
            await Page.WaitForFunctionAsync($"before => ({FocusedId})() !== before", before);
        }
        await Assertions.Expect(profile).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");

        await ExpectAddressAsync("/account/profile$");
        await Assertions.Expect(Page.Locator("h1")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task At_390_px_the_account_menu_and_sign_out_stay_on_the_screen_and_the_menu_signs_out()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(ArenaManager);

        var activator = Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Account of") });
        await Assertions.Expect(activator).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(Page.Locator("#logout")).ToBeInViewportAsync(new() { Ratio = 1 });
        await activator.ClickAsync();
        await Assertions.Expect(Page.Locator("#menu-two-factor")).ToBeInViewportAsync(new() { Ratio = 1 });

        await Page.ClickAsync("#menu-logout");
        await ExpectAddressAsync("/account/login");
        // Signed out: the app sends the next visit to the sign-in page.
        await Page.GotoAsync("/");
        await ExpectAddressAsync("/account/login");
    }
}
