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
        await ExpectAddressAsync("/account/tokens$");
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

    [Fact]
    public async Task On_a_phone_in_czech_sign_out_stays_on_screen_a_token_is_created_by_keyboard_and_the_page_never_scrolls_sideways()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(SchoolManager);
        await GoToAsync("/account/tokens");
        await Page.ClickAsync("#culture-cs"); // Czech labels are the longer ones
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await WaitForCircuitAsync();
        Assert.True(await Page.EvaluateAsync<bool>("() => document.getElementById('logout').getBoundingClientRect().right <= window.innerWidth"),
            "Sign out is cut off at the right edge of the top bar.");

        await Page.FocusAsync("#token-name");
        await Page.Keyboard.TypeAsync("Phone token");
        // Keys typed while the page still renders after the language switch can be lost; a person sees it and types
        // again, and so does this test.
        for (var attempt = 0; attempt < 3 && await Page.InputValueAsync("#token-name") != "Phone token"; attempt++)
        {
            await Page.Keyboard.PressAsync("Control+A");
            await Page.Keyboard.TypeAsync("Phone token");
        }
        for (var tab = 0; tab < 20 && await Page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != "create-token"; tab++)
            await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("create-token", await Page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.Locator("#token-table")).ToContainTextAsync("Phone token");
        await Assertions.Expect(Page.Locator("#token-secret")).ToBeVisibleAsync();
        var tooWide = await Page.EvaluateAsync<string[]>(
            """
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
              [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                && !e.parentElement?.closest('.table-scroll'))
              .map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')}`).slice(0, 10)
            """);
        Assert.True(tooWide.Length == 0, "The tokens page scrolls sideways at 390 px: " + string.Join(", ", tooWide));
        await AssertAccessibleAsync();
    }
}
