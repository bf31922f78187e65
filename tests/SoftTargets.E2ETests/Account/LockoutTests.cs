using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Users;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Account;

public sealed class LockoutTests(AppFixture app) : BrowserTest(app)
{
    private const string Email = "lockout.e2e@arenaplus.example";
    private const string Password = "Lockout-Test-Password-1";

    [Fact]
    public async Task The_sign_in_page_is_accessible_in_both_languages()
    {
        await Page.GotoAsync("/account/login");
        await AssertAccessibleAsync();

        await Page.ClickAsync("a[lang='cs']");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Přihlášení do SoftTargets");
        await ExpectAddressAsync("/account/login$");
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_page_says_so()
    {
        await App.WithServicesAsync(services => services.GetRequiredService<UserAdministration>()
            .CreateAsync(Email, "Lockout Test", Roles.VenueManager, "ArenaPlus Venues a.s.", Password));

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await Page.GotoAsync("/account/login");
            await Page.FillAsync("#email", Email);
            await Page.FillAsync("#password", "wrong-password");
            await SubmitLoginAsync();
        }

        await Assertions.Expect(Page.Locator("#login-message")).ToContainTextAsync("locked after 5 wrong passwords");
        await AssertAccessibleAsync();

        await Page.FillAsync("#email", Email);
        await Page.FillAsync("#password", Password);
        await SubmitLoginAsync();
        await Assertions.Expect(Page.Locator("#login-message")).ToContainTextAsync("locked");
        await ExpectAddressAsync("/account/login");
    }

    /// <summary>Posts the sign-in form and waits for the answer page, so no message of the previous page is read.</summary>
    private async Task SubmitLoginAsync()
    {
        await Page.RunAndWaitForResponseAsync(() => Page.ClickAsync("#login-submit"),
            response => response.Request.Method == "POST" && response.Url.Contains("/account/login"));
        await Page.WaitForLoadStateAsync();
    }
}
