using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Plans;

/// <summary>The printed plan carries the site's zones and what the plan still lacks, as the plan page shows them.</summary>
public sealed class PlanPrintTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_print_view_lists_the_zones_and_the_same_gaps_as_the_plan_page()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{stadium}/plan");
        await Page.Locator("#plan-gaps, #plan-gaps-none").First.WaitForAsync();
        var gaps = await Page.Locator("#plan-gaps li").AllInnerTextsAsync();

        await Page.GotoAsync($"/sites/{stadium}/plan/print");

        await Assertions.Expect(Page.Locator("#print-zones")).ToContainTextAsync("Tribune North");
        await Assertions.Expect(Page.Locator("#print-zones")).ToContainTextAsync("Car park P2, north gate");
        if (gaps.Count == 0)
            await Assertions.Expect(Page.Locator("#print-gaps-none")).ToBeVisibleAsync();
        else
            Assert.Equal(gaps, await Page.Locator("#print-gaps li").AllInnerTextsAsync());
        await AssertAccessibleAsync();
    }
}
