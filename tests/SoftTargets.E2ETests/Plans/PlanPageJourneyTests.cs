using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Plans;

/// <summary>The plan page as a venue manager works through it: groups with counts, advice, several measures changed at once, a phone.</summary>
public sealed class PlanPageJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Stadium = "Slezská aréna";

    protected override bool ChangesData => true;

    [Fact]
    public async Task A_venue_manager_gives_two_measures_a_contact_as_owner_and_a_due_date_at_once_and_finds_them_saved_after_reloading()
    {
        var siteId = await SiteIdAsync(Stadium);
        var keys = await OpenMeasureKeysAsync(siteId);
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{siteId}/plan");
        await Page.Locator("#plan-measures").WaitForAsync();

        // The measures arrive a step at a time once the page is live, until every group holds all of its measures.
        await Assertions.Expect(Page.Locator("#measures-loading")).ToHaveCountAsync(0);
        var total = await Page.Locator(".measure-group-title").EvaluateAllAsync<int>(
            "titles => titles.reduce((sum, t) => sum + Number(t.textContent.match(/of (\\d+) done/)[1]), 0)");
        Assert.True(total > 20, $"The demo plan has {total} measures; too few to arrive in steps.");
        await Assertions.Expect(Page.Locator("#plan-measures tr[data-key]")).ToHaveCountAsync(total);

        // On a laptop screen each measure's actions show without scrolling the table sideways.
        var edit = Page.Locator($"#plan-measures tr[data-key='{keys[0]}'] .edit-measure");
        Assert.True(await edit.EvaluateAsync<bool>("e => e.getBoundingClientRect().right <= e.closest('.table-scroll').getBoundingClientRect().right"),
            "The measure's actions lie beyond the right edge of the table at 1366 px.");
        var heads = Page.Locator(".measure-group-toggle");
        await Assertions.Expect(heads.First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"· \d+ of \d+ done"));
        var advice = Page.Locator($"#plan-measures tr[data-key='{keys[0]}'] .measure-advice");
        await advice.Locator("summary").ClickAsync();
        await Assertions.Expect(advice.Locator(".measure-guidance, .measure-evidence-hint").First).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        // A group closes and opens again from the keyboard.
        var groupKey = await Page.Locator("tbody.measure-group").Filter(new() { Has = Page.Locator($"tr[data-key='{keys[0]}']") }).GetAttributeAsync("data-group");
        var group = Page.Locator($"tbody[data-group='{groupKey}']");
        await group.Locator(".measure-group-toggle").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(group.Locator(".measure-group-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(group.Locator("tr[data-key]")).ToHaveCountAsync(0);
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(group.Locator(".measure-group-toggle")).ToHaveAttributeAsync("aria-expanded", "true");

        foreach (var key in keys) await Page.Locator($"#plan-measures tr[data-key='{key}'] .select-measure").CheckAsync();
        await Assertions.Expect(Page.Locator("#bulk-selected")).ToHaveTextAsync("2 measures chosen");
        await Page.ClickAsync("#bulk-change");
        await Page.Locator(".mud-dialog #bulk-hint").WaitForAsync();
        await AssertAccessibleAsync();
        await ChooseAsync("#bulk-owner-contact", "Tomáš Beneš");
        await Assertions.Expect(Page.Locator(".mud-dialog input#bulk-owner")).ToHaveValueAsync("Tomáš Beneš");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        var dueText = due.ToString("d", CultureInfo.GetCultureInfo("en-GB"));
        var dueField = Page.Locator(".mud-dialog input#bulk-due, .mud-dialog #bulk-due input").First;
        await dueField.FillAsync(dueText);
        await dueField.PressAsync("Tab");
        await Page.ClickAsync("#bulk-save");

        await Assertions.Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("2 measures changed.");
        await Page.ReloadAsync();
        await WaitForCircuitAsync();
        foreach (var key in keys)
        {
            var row = Page.Locator($"#plan-measures tr[data-key='{key}']");
            await Assertions.Expect(row.Locator(".measure-owner")).ToHaveTextAsync("Tomáš Beneš");
            await Assertions.Expect(row.Locator(".measure-due")).ToContainTextAsync(new System.Text.RegularExpressions.Regex($@"\b0?{due.Day}/0?{due.Month}/{due.Year}"));
        }

        // One measure on its own: the contacts are offered, a save is confirmed.
        await Page.Locator($"#plan-measures tr[data-key='{keys[0]}'] .edit-measure").ClickAsync();
        await Page.Locator(".mud-dialog #measure-owner").WaitForAsync();
        await ChooseAsync("#measure-owner-contact", "Petra Horáková");
        await Page.ClickAsync("#measure-save");
        await Assertions.Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync($"Measure {keys[0]} saved.");
        await Assertions.Expect(Page.Locator($"#plan-measures tr[data-key='{keys[0]}'] .measure-owner")).ToHaveTextAsync("Petra Horáková");
    }

    [Fact]
    public async Task On_a_phone_the_plan_reads_as_cards_without_sideways_scrolling_and_the_status_action_is_in_reach()
    {
        var siteId = await SiteIdAsync(Stadium);
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{siteId}/plan");
        await Page.Locator("#plan-measures").WaitForAsync();

        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The plan page scrolls sideways at 390 px, widened by: " + await WiderThanScreenAsync());
        var edit = Page.Locator("#plan-measures .edit-measure").First;
        await edit.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(edit).ToBeInViewportAsync();
        await AssertAccessibleAsync();
        await edit.ClickAsync();
        await Page.Locator(".mud-dialog #measure-owner").WaitForAsync();
        await Assertions.Expect(Page.Locator(".mud-dialog .mud-select").Filter(new() { Has = Page.Locator("#measure-status") }).Last).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The measure dialog scrolls sideways at 390 px.");
    }

    [Fact]
    public async Task The_grouped_plan_with_its_advice_the_count_of_chosen_measures_and_their_change_read_in_Czech()
    {
        var siteId = await SiteIdAsync(Stadium);
        var keys = await OpenMeasureKeysAsync(siteId);
        await SignInAsync(ArenaManager);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync($"/sites/{siteId}/plan");
        await Page.Locator("#plan-measures").WaitForAsync();

        await Assertions.Expect(Page.Locator(".measure-group-toggle").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"· hotovo \d+ z \d+"));
        await Assertions.Expect(Page.Locator(".measure-advice summary").First).ToHaveTextAsync("Pokyny a doklady");
        await Assertions.Expect(Page.Locator("#bulk-selected")).ToHaveTextAsync("Vybráno 0 opatření");
        await AssertAccessibleAsync();

        // The count of chosen measures reads in Czech's plural forms: 1, 2–4, 5 and more.
        await Assertions.Expect(Page.Locator("#measures-loading")).ToHaveCountAsync(0);
        var boxes = Page.Locator("#plan-measures tr[data-key] .select-measure");
        string[] counts = ["Vybráno 1 opatření", "Vybrána 2 opatření", "Vybrána 3 opatření", "Vybrána 4 opatření", "Vybráno 5 opatření"];
        for (var i = 0; i < counts.Length; i++)
        {
            await boxes.Nth(i).CheckAsync();
            await Assertions.Expect(Page.Locator("#bulk-selected")).ToHaveTextAsync(counts[i]);
        }
        for (var i = 0; i < counts.Length; i++) await boxes.Nth(i).UncheckAsync();
        await Assertions.Expect(Page.Locator("#bulk-selected")).ToHaveTextAsync("Vybráno 0 opatření");

        await Page.Locator(".select-group").First.CheckAsync();
        await Page.ClickAsync("#bulk-change");
        await Page.Locator(".mud-dialog #bulk-hint").WaitForAsync();
        await Assertions.Expect(Page.Locator(".mud-dialog #bulk-hint")).ToContainTextAsync("nastaví se u každého vybraného opatření");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#bulk-save");
        await Assertions.Expect(Page.Locator(".mud-dialog #bulk-error")).ToContainTextAsync("Vyberte, co změnit");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#bulk-cancel");
        await Assertions.Expect(Page.Locator($"#plan-measures tr[data-key='{keys[0]}'] .measure-status")).ToContainTextAsync("Nezahájeno");
    }

    /// <summary>The elements that reach past the right edge of the screen, for the message of a failing check.</summary>
    private Task<string> WiderThanScreenAsync() => Page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 8).map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join(".")} in #${e.parentElement?.closest("[id]")?.id} (${Math.round(e.getBoundingClientRect().right)})`).join(', ')
        """);

    /// <summary>Two applicable measures of the site nobody has started, in key order.</summary>
    private Task<List<string>> OpenMeasureKeysAsync(Guid siteId) => App.WithServicesAsync(sp =>
        sp.GetRequiredService<SoftTargetsDbContext>().PlanMeasures
            .Where(m => m.SiteId == siteId && m.IsApplicable && m.Status == MeasureStatus.NotStarted)
            .OrderBy(m => m.MeasureKey).Select(m => m.MeasureKey).Take(2).ToListAsync());
}
