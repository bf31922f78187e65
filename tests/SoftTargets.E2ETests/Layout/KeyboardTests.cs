using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Layout;

/// <summary>Keyboard users see where they are on every control, close dialogs with Esc and reach the measures in a few Tab stops.</summary>
public sealed class KeyboardTests(AppFixture app) : BrowserTest(app)
{
    private const string Stadium = "Slezská aréna";

    // The focused element's own outline, or (for the invisible input of a checkbox, radio or switch) its button's.
    private const string FocusOutlineScript = """
        () => {
            const element = document.activeElement;
            if (!element || element === document.body) return null;
            const shows = e => { const style = getComputedStyle(e); return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2; };
            if (shows(element) || (element.tagName === 'INPUT' && element.parentElement && shows(element.parentElement))) return '';
            return `${element.tagName.toLowerCase()}#${element.id} .${String(element.className).trim().replace(/\s+/g, '.')} "${(element.textContent || '').trim().slice(0, 40)}"`;
        }
        """;

    // Nothing when the page fits; else the innermost elements that reach past the right edge, leaving out those a
    // scrolling region of their own holds.
    private const string WiderThanTheScreenScript = """
        () => {
            if (document.documentElement.scrollWidth <= window.innerWidth) return [];
            const past = e => e.getBoundingClientRect().right > window.innerWidth + 1;
            const scrolled = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true; return false; };
            const all = [...document.querySelectorAll('body *')].filter(past);
            const innermost = all.filter(e => !scrolled(e) && ![...e.children].some(c => past(c) && !scrolled(c)));
            return (innermost.length > 0 ? innermost : all)
                .slice(-8).map(e => `${e.tagName.toLowerCase()}#${e.id}.${String(e.className).trim().replace(/\s+/g, '.')} ${getComputedStyle(e).position} right=${Math.round(e.getBoundingClientRect().right)}`);
        }
        """;

    [Fact]
    public async Task Every_control_reached_by_Tab_on_the_plan_page_and_in_a_dialog_shows_a_clear_focus_outline()
    {
        var site = await SiteIdAsync(Stadium);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{site}/plan");
        await Page.Locator("#plan-measures").WaitForAsync();

        var missing = await TabThroughAsync(60);
        await Page.Locator("#plan-measures .edit-measure").First.ClickAsync();
        await Page.Locator(".mud-dialog #measure-owner").WaitForAsync();
        missing.AddRange(await TabThroughAsync(12));

        Assert.True(missing.Count == 0, "No visible focus outline on:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public async Task Esc_closes_a_dialog_without_saving()
    {
        var site = await SiteIdAsync(Stadium);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{site}/plan");
        var row = Page.Locator("#plan-measures tbody tr[data-key]").First;
        var owner = await row.Locator(".measure-owner").TextContentAsync();
        await row.Locator(".edit-measure").ClickAsync();
        await Page.FillAsync(".mud-dialog #measure-owner", "Nikdo Neuložený");

        // The dialog listens for keys once its script has started, a moment after it shows: a person takes longer.
        for (var attempt = 0; attempt < 5 && await Page.Locator(".mud-dialog").CountAsync() > 0; attempt++)
        {
            await Page.Keyboard.PressAsync("Escape");
            await Page.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 2_000 }).ContinueWith(_ => { });
        }

        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator(".measure-owner")).ToHaveTextAsync(owner ?? "");
    }

    [Fact]
    public async Task The_skip_links_lead_from_the_top_of_the_plan_page_to_its_measures_in_a_few_Tab_stops()
    {
        var site = await SiteIdAsync(Stadium);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{site}/plan");
        await Page.Locator("#plan-measures").WaitForAsync();
        var address = Page.Url;

        // On arrival the router puts the focus on the heading (when it is there in time): the next Tab offers the skip.
        await Page.EvaluateAsync("() => { const h = document.getElementById('plan-heading'); h.tabIndex = -1; h.focus(); }");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator("#skip-to-measures")).ToBeFocusedAsync();
        await Assertions.Expect(Page.Locator("#skip-to-measures")).ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator("#measures")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.getElementById('measures').contains(document.activeElement)"),
            "The Tab after the skip link should land inside the measures.");

        // The first stop of every page moves the focus to the content and stays on the page: resolved against
        // the base address, its "#main-content" used to lead to the home page.
        await Page.Locator("a.skip-link[href='#main-content']").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator("#main-content")).ToBeFocusedAsync();
        Assert.Equal(address, Page.Url);
    }

    [Fact]
    public async Task At_390_px_sign_out_stays_on_the_screen_and_the_plan_and_threats_need_no_sideways_scroll()
    {
        var site = await SiteIdAsync(Stadium);
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(ArenaManager);
        foreach (var path in new[] { $"/sites/{site}/plan", $"/sites/{site}/threats" })
        {
            await GoToAsync(path);
            await Assertions.Expect(Page.Locator("#logout")).ToBeInViewportAsync(new() { Ratio = 1 });
            await AssertFitsTheScreenAsync(path);
        }
    }

    /// <summary>Waits (a layout still settling may overflow for a moment) until the page needs no sideways scroll, else names what is too wide.</summary>
    private async Task AssertFitsTheScreenAsync(string path)
    {
        try
        {
            await Page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth", null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            var wide = await Page.EvaluateAsync<string[]>(WiderThanTheScreenScript);
            Assert.Fail($"{path} scrolls sideways at {Page.ViewportSize?.Width} px, through:\n{string.Join("\n", wide)}");
        }
    }

    /// <summary>Presses Tab up to <paramref name="stops"/> times and names each focused control without a visible outline.</summary>
    private async Task<List<string>> TabThroughAsync(int stops)
    {
        var missing = new List<string>();
        for (var i = 0; i < stops; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            // A dialog's focus trap (MudBlazor's) has invisible, empty guards at its ends that send the focus back into
            // the dialog; they are not controls, so they are not checked. The next Tab goes on into the dialog.
            if (await Page.EvaluateAsync<bool>("() => document.activeElement?.matches('div.fixed.pointer-events-none:empty') === true")) continue;
            // Tab never lands outside the tab order: an element there (the page's heading, tabindex -1) was focused by the
            // page's own script, which on a busy machine may move the focus after tabbing has begun.
            if (await Page.EvaluateAsync<bool>("() => document.activeElement?.getAttribute('tabindex') === '-1'")) continue;
            var problem = await Page.EvaluateAsync<string?>(FocusOutlineScript);
            if (!string.IsNullOrEmpty(problem)) missing.Add(problem);
        }
        return missing;
    }
}
