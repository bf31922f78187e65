using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Assessment;

public sealed class ThreatAssessmentJourneyTests(AppFixture app) : BrowserTest(app)
{
    protected override bool ChangesData => true;

    [Fact]
    public async Task A_venue_manager_assesses_a_threat_in_the_dialog_and_sees_it_in_the_table_and_the_heat_map()
    {
        var mall = await SiteIdAsync("Obchodní centrum Brána Plzeň");
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{mall}/threats");
        await Page.Locator("#threat-table").WaitForAsync();
        await Assertions.Expect(Page.Locator("#heat-cell-4-3 .heat-count")).ToHaveTextAsync("0");
        await Assertions.Expect(Page.Locator("#heat-map caption")).ToContainTextAsync("Inherent risk");
        await AssertAccessibleAsync();

        await Page.ClickAsync("#assess-arson");
        await Page.Locator("#threat-rationale").WaitForAsync();
        await ChooseAsync("#threat-inherent-likelihood", "4 – Likely");
        await ChooseAsync("#threat-inherent-impact", "3 – Serious");
        await ChooseAsync("#threat-residual-likelihood", "5 – Almost certain");
        await Page.ClickAsync("#threat-save");
        var problems = Page.Locator("#threat-problems");
        await Assertions.Expect(problems).ToContainTextAsync("cannot be higher than the inherent risk");
        await Assertions.Expect(problems).ToContainTextAsync("Say why you rate the threat");
        await AssertAccessibleAsync();

        await ChooseAsync("#threat-residual-likelihood", "2 – Unlikely");
        await Page.FillAsync("#threat-rationale", "Waste containers stand against the façade by the loading dock.");
        await Page.ClickAsync("#threat-save");

        await Assertions.Expect(Page.Locator("#inherent-arson")).ToContainTextAsync("12 · high");
        await Assertions.Expect(Page.Locator("#residual-arson")).ToContainTextAsync("6 · medium");
        await Assertions.Expect(Page.Locator("#heat-cell-4-3 .heat-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#heat-cell-4-3")).ToContainTextAsync("Arson");
        await Assertions.Expect(Page.Locator("#threat-table tbody tr").First).ToHaveIdAsync("threat-arson");

        await Page.ClickAsync("#heat-map-residual");
        await Assertions.Expect(Page.Locator("#heat-cell-2-3 .heat-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#heat-map caption")).ToContainTextAsync("Residual risk");
        await Assertions.Expect(Page.Locator("#heat-cell-4-3 .heat-count")).ToHaveTextAsync("0");
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_threats_page_works_in_czech_and_is_read_only_for_an_auditor()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        await SignInAsync(Auditor);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync($"/sites/{stadium}/threats");
        await Page.Locator("#threat-table").WaitForAsync();

        await Assertions.Expect(Page.Locator("h2").First).ToContainTextAsync("Posouzení hrozeb");
        await Assertions.Expect(Page.Locator("#threat-table thead")).ToContainTextAsync("Hrozba");
        await Assertions.Expect(Page.Locator("#threat-firearms")).ToContainTextAsync("Útok střelnou zbraní");
        await Assertions.Expect(Page.Locator("#heat-map caption")).ToContainTextAsync("Výchozí riziko");
        await Assertions.Expect(Page.Locator("#threat-hostage-taking")).ToContainTextAsync("Doporučeno");
        await Assertions.Expect(Page.Locator("#threats-read-only")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("[id^=assess-], [id^=remove-]")).ToHaveCountAsync(0);
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task Another_organisations_manager_gets_the_not_found_page_for_both_assessment_pages()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        await SignInAsync(SchoolManager);

        foreach (var page in new[] { "threats", "self-assessment" })
        {
            var response = await Page.GotoAsync($"/sites/{stadium}/{page}");
            await WaitForCircuitAsync();

            Assert.Equal(404, response!.Status);
            await Assertions.Expect(Page.Locator("#not-found")).ToBeVisibleAsync();
            Assert.DoesNotContain("Slezská", await Page.ContentAsync());
        }
    }
}
