using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;
using SoftTargets.Tests;

namespace SoftTargets.E2ETests.Account;

/// <summary>
/// A new venue manager from invitation to a second factor, in Czech: the administrator creates the organisation and invites
/// them; they set the password from the mail, turn on two-factor authentication with the key shown next to the QR code, keep
/// the recovery codes, and sign in again with password and code. The administrator then resets their second factor.
/// </summary>
public sealed class TwoFactorJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Manager = "spravce@divadlo-u-mostu.example";
    private const string Password = "Most-Heslo-2026!";

    protected override bool ChangesData => true;

    [Fact]
    public async Task An_invited_manager_turns_on_two_factor_in_czech_signs_in_with_a_code_and_the_administrator_resets_it()
    {
        // The culture switch's address, as the top bar's switch sends it: the cookie keeps Czech across signing out and in.
        await Page.GotoAsync("/culture/set?culture=cs&redirectUri=/account/login");
        await SignInAsync(Administrator);
        await InviteAsync();
        await SignOutAsync();

        await SetPasswordAndSignInAsync();

        // The QR page: the key next to the code is what an authenticator app reads.
        await Page.GotoAsync("/account/two-factor");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Dvoufázové ověření");
        await Assertions.Expect(Page.Locator("#two-factor-qr svg")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        var key = (await Page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        Assert.Matches("^[A-Z2-7]{16,}$", key);

        await Page.SetViewportSizeAsync(390, 844);
        await AssertNoSidewaysScrollAsync();
        await Page.SetViewportSizeAsync(1280, 800);

        await Page.FillAsync("#code", Totp.Code(key));
        await Page.ClickAsync("#two-factor-enable");
        var codes = Page.Locator("#recovery-codes li");
        await Assertions.Expect(codes).ToHaveCountAsync(10);
        await Assertions.Expect(Page.Locator(".two-factor-codes h2")).ToHaveTextAsync("Vaše záchranné kódy");
        var saved = await codes.AllInnerTextsAsync();
        Assert.All(saved, code => Assert.False(string.IsNullOrWhiteSpace(code)));
        var download = await Page.Locator("#recovery-codes-download").GetAttributeAsync("href");
        Assert.Contains(Uri.EscapeDataString(saved[0].Trim()), download);
        await AssertAccessibleAsync();

        await Page.ClickAsync("#two-factor-logout");
        await ExpectAddressAsync("/account/login");

        // Signing in again: the password, then the second step asks for the app's code.
        await Page.FillAsync("#email", Manager);
        await Page.FillAsync("#password", Password);
        await Page.ClickAsync("#login-submit");
        // The address, not a load event (an enhanced navigation inside the page sends none).
        await ExpectAddressAsync("/account/login/two-factor");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Druhý krok přihlášení");
        await AssertAccessibleAsync();
        // The next 30-second step's code: the app accepts its neighbours, and it is never the code just used to turn the factor on.
        await Page.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await Page.ClickAsync("#two-factor-submit");
        await WaitForCircuitAsync();
        await Assertions.Expect(Page).Not.ToHaveURLAsync(new Regex("/account/login"));

        // The administrator resets the second factor of the manager who lost the phone.
        await SignOutAsync();
        await SignInAsync(Administrator);
        await GoToAsync("/admin/users");
        var row = Page.Locator($"tr[data-email='{Manager}']");
        await Assertions.Expect(row).ToContainTextAsync("dvoufázové ověření zapnuto");
        await row.Locator(".user-reset-two-factor").ClickAsync();
        var dialog = Page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("Zrušit dvoufázové ověření?");
        await AssertAccessibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Zrušit ověření", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("Dvoufázové ověření je zrušeno");
        await Assertions.Expect(row.Locator(".user-reset-two-factor")).ToHaveCountAsync(0);
        await Assertions.Expect(row).Not.ToContainTextAsync("dvoufázové ověření zapnuto");
        await AssertAccessibleAsync();
    }

    private async Task InviteAsync()
    {
        var page = Page;
        await GoToAsync("/admin/organizations");
        await page.ClickAsync("#organization-new");
        await page.FillAsync("#organization-name", "Divadlo U Mostu s.r.o.");
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator("#organization-region") }).Last.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Praha" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.ClickAsync("#organization-save");
        await Assertions.Expect(page.Locator("#organization-table")).ToContainTextAsync("Divadlo U Mostu s.r.o.");

        await GoToAsync("/admin/users");
        await page.ClickAsync("#user-invite");
        await page.FillAsync("#user-email", Manager);
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator("#user-organization") }).Last.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Divadlo U Mostu" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.FillAsync("#user-name", "Karel Mostecký");
        await page.ClickAsync("#user-save");
        await Assertions.Expect(page.Locator($"tr[data-email='{Manager}']")).ToContainTextAsync("Pozvaný");
    }

    private async Task SetPasswordAndSignInAsync()
    {
        var mail = await App.Mail.LatestToAsync(Manager);
        await Page.GotoAsync(new Uri(TestMailServer.LinkIn(mail)).PathAndQuery);
        await Page.FillAsync("#password", Password);
        await Page.FillAsync("#confirm", Password);
        await Page.ClickAsync("#password-submit");
        await Assertions.Expect(Page.Locator("#password-set")).ToBeVisibleAsync();
        await Page.ClickAsync("#to-login");
        await Page.FillAsync("#email", Manager);
        await Page.FillAsync("#password", Password);
        await Page.ClickAsync("#login-submit");
        await WaitForCircuitAsync();
        await Assertions.Expect(Page).Not.ToHaveURLAsync(new Regex("/account/login"));
    }

    private async Task AssertNoSidewaysScrollAsync()
    {
        var wide = await Page.EvaluateAsync<string[]>(
            """
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
              [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth)
                .slice(0, 5).map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')}`)
            """);
        Assert.True(wide.Length == 0, $"The two-factor page scrolls sideways at 390 px, through: {string.Join(", ", wide)}");
    }
}
