using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Account;

public sealed class ApiTokenPageTests(AppFixture app) : BrowserTest(app)
{
    protected override bool ChangesData => true;

    [Fact]
    public async Task A_user_creates_a_token_sees_it_once_calls_the_api_with_it_and_revokes_it()
    {
        await SignInAsync(ArenaManager);
        await Page.ClickAsync("#api-tokens-link");
        await Page.WaitForURLAsync("**/account/tokens");
        await WaitForCircuitAsync();
        await AssertAccessibleAsync();

        await Page.FillAsync("#token-name", "Nightly import");
        await Page.ClickAsync("#create-token");
        await Assertions.Expect(Page.Locator("#token-table")).ToContainTextAsync("Nightly import");
        var secret = (await Page.Locator("#token-secret").InnerTextAsync()).Trim();
        await AssertAccessibleAsync();

        using var api = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var withToken = await api.GetAsync("/api/sites");
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Contains("Slezská aréna", await withToken.Content.ReadAsStringAsync());

        await GoToAsync("/account/tokens");
        await Assertions.Expect(Page.Locator("#token-secret")).ToHaveCountAsync(0);
        await Page.Locator("#token-table button[id^='revoke-']").ClickAsync();
        await Assertions.Expect(Page.Locator("#token-table .token-state")).ToHaveTextAsync("Revoked");

        var afterRevoke = await api.GetAsync("/api/sites");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task The_token_page_is_in_czech_too()
    {
        await SignInAsync(SchoolManager);
        await GoToAsync("/account/tokens");
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await WaitForCircuitAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("API tokeny");
        await AssertAccessibleAsync();
    }
}
