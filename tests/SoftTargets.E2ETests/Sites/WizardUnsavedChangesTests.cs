using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Sites;

/// <summary>The new-site wizard asks before its input is lost, in Czech; a site not yet ready says what to do next.</summary>
public sealed class WizardUnsavedChangesTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Leaving_the_wizard_with_input_asks_in_Czech_staying_keeps_it_and_leaving_discards_it()
    {
        await SignInAsync(ArenaManager);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync("/sites/new");
        await Page.Locator("#wizard-name").WaitForAsync();
        await Page.FillAsync("#wizard-name", "Letní kino Opava");
        await Page.Locator("#wizard-name").BlurAsync();

        await Page.ClickAsync("#nav-sites");
        await Assertions.Expect(Prompt()).ToBeVisibleAsync();
        await Assertions.Expect(Prompt()).ToContainTextAsync("Máte neuložené změny");
        await AssertAccessibleAsync();
        await Prompt().GetByRole(AriaRole.Button, new() { Name = "Zůstat" }).ClickAsync();

        await Assertions.Expect(Prompt()).ToHaveCountAsync(0);
        Assert.EndsWith("/sites/new", Page.Url);
        await Assertions.Expect(Page.Locator("#wizard-name")).ToHaveValueAsync("Letní kino Opava");

        await Page.ClickAsync("#wizard-cancel");
        await Prompt().GetByRole(AriaRole.Button, new() { Name = "Odejít a zahodit" }).ClickAsync();
        await ExpectAddressAsync("/sites$");
        await Assertions.Expect(Page.Locator("#site-grid")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync("Letní kino Opava");
    }

    [Fact]
    public async Task The_untouched_wizard_is_left_without_a_question()
    {
        await SignInAsync(ArenaManager);
        await GoToAsync("/sites/new");
        await Page.Locator("#wizard-name").WaitForAsync();

        await Page.ClickAsync("#wizard-cancel");

        // The address, not a load event: a click landing while the page turns live navigates either in the page or by
        // loading the list anew, and in the first case no load event follows.
        await ExpectAddressAsync("/sites$");
        await Assertions.Expect(Page.Locator("#site-grid")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    private ILocator Prompt() => Page.Locator(".mud-dialog").Filter(new() { HasText = "Odejít bez uložení?" });
}
