using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Assessment;

/// <summary>Leaving the self-assessment or a threat dialog with unsaved changes asks first: staying keeps them, leaving drops them.</summary>
public sealed class UnsavedChangesTests(AppFixture app) : BrowserTest(app)
{
    private const string Hall = "Koncertní síň Vltava";
    private const string Mall = "Obchodní centrum Brána Plzeň";

    [Fact]
    public async Task Leaving_the_self_assessment_with_unsaved_answers_asks_staying_keeps_them_and_leaving_discards_them()
    {
        var hall = await SiteIdAsync(Hall);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{hall}/self-assessment");
        await Page.Locator("#question-Q-GOV-01").WaitForAsync();
        await Level("Q-GOV-01", 2).ClickAsync();
        await Assertions.Expect(Page.Locator("#self-save-state")).ToHaveTextAsync("You have unsaved answers.");

        await Page.ClickAsync("#site-tab-plan");
        await Assertions.Expect(Prompt("Leave without saving?")).ToBeVisibleAsync();
        // The safe answer has the focus: Enter, or a key pressed in haste, keeps the answers.
        await Assertions.Expect(Prompt("Leave without saving?").GetByRole(AriaRole.Button, new() { Name = "Stay" })).ToBeFocusedAsync();
        await AssertAccessibleAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Prompt("Leave without saving?")).ToHaveCountAsync(0);
        Assert.EndsWith("/self-assessment", Page.Url);
        await Assertions.Expect(Level("Q-GOV-01", 2).Locator("input")).ToBeCheckedAsync();
        await Assertions.Expect(Page.Locator("#self-save-state")).ToHaveTextAsync("You have unsaved answers.");

        await Page.ClickAsync("#site-tab-plan");
        await Prompt("Leave without saving?").GetByRole(AriaRole.Button, new() { Name = "Leave and discard" }).ClickAsync();
        // The address, not a load event: leaving is a navigation inside the page.
        await ExpectAddressAsync($"/sites/{hall}/plan$");
        await GoToAsync($"/sites/{hall}/self-assessment");
        await Page.Locator("#question-Q-GOV-01").WaitForAsync();
        await Assertions.Expect(Level("Q-GOV-01", 2).Locator("input")).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task A_tab_pressed_twice_before_the_question_shows_asks_once_and_leave_and_discard_leaves()
    {
        var hall = await SiteIdAsync(Hall);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{hall}/self-assessment");
        await Level("Q-GOV-01", 2).ClickAsync();
        await Assertions.Expect(Page.Locator("#self-save-state")).ToHaveTextAsync("You have unsaved answers.");

        // An impatient double press on a slow line: the second press arrives while the question is on its way.
        await Page.EvaluateAsync("() => { const tab = document.querySelector('#site-tab-plan'); tab.click(); tab.click(); }");
        await Assertions.Expect(Prompt("Leave without saving?")).ToHaveCountAsync(1);
        await Prompt("Leave without saving?").GetByRole(AriaRole.Button, new() { Name = "Leave and discard" }).ClickAsync();

        await ExpectAddressAsync($"/sites/{hall}/plan$");
        await Assertions.Expect(Prompt("Leave without saving?")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_threat_dialog_with_changes_asks_on_Esc_and_on_Cancel_and_staying_keeps_the_text()
    {
        var mall = await SiteIdAsync(Mall);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{mall}/threats");
        await Page.ClickAsync("#assess-arson");
        await Page.Locator("#threat-rationale").WaitForAsync();
        await Page.FillAsync("#threat-rationale", "Bins stand against the façade.");
        await Assertions.Expect(Page.Locator(".unsaved-guard[data-dirty='true']")).ToHaveCountAsync(1);

        await Page.FocusAsync("#threat-rationale");
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Prompt("Leave without saving?")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await Prompt("Leave without saving?").GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await Assertions.Expect(Prompt("Leave without saving?")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#threat-rationale")).ToHaveValueAsync("Bins stand against the façade.");

        await Page.ClickAsync("#threat-cancel");
        await Prompt("Leave without saving?").GetByRole(AriaRole.Button, new() { Name = "Leave and discard" }).ClickAsync();

        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#assess-arson")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_threat_dialog_without_changes_closes_on_Cancel_without_asking()
    {
        var mall = await SiteIdAsync(Mall);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{mall}/threats");
        await Page.ClickAsync("#assess-arson");
        await Page.Locator("#threat-rationale").WaitForAsync();

        await Page.ClickAsync("#threat-cancel");

        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    private ILocator Prompt(string title) => Page.Locator(".mud-dialog").Filter(new() { HasText = title });

    private ILocator Level(string question, int level) =>
        Page.Locator($"#question-{question} label").Filter(new() { HasText = $"{level} – " }).First;
}
