using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Events;

/// <summary>A venue manager plans an event on a site, in Czech, and reads what it adds to the venue's plan.</summary>
public sealed class EventJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Mall = "Obchodní centrum Brána Plzeň";
    private const string Stadium = "Slezská aréna";
    private const string Market = "Vánoční trhy v atriu";

    protected override bool ChangesData => true;

    [Fact]
    public async Task A_venue_manager_in_czech_creates_an_event_on_a_site_reads_its_guideline_and_deletes_it()
    {
        var mall = await SiteIdAsync(Mall);
        await SignInAsync(ArenaManager);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync($"/sites/{mall}");
        await Assertions.Expect(Page.Locator("#site-events-none")).ToHaveTextAsync("Žádné nadcházející akce.");
        await Page.ClickAsync("#site-tab-events");
        await ExpectAddressAsync($"/sites/{mall}/events$");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync($"Akce v objektu {Mall}");
        await Assertions.Expect(Page.Locator("#events-none")).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        await Page.ClickAsync("#event-new");
        await Page.Locator(".mud-dialog #event-name").WaitForAsync();
        await Page.ClickAsync("#event-save");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToContainTextAsync("Zadejte název akce.");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToContainTextAsync("Zadejte jméno osoby odpovědné za akci.");
        await AssertAccessibleAsync();
        await Page.FillAsync("#event-name", Market);
        await Page.FillAsync("#event-attendance", "8000");
        await Page.FillAsync("#event-responsible", "Karel Novák");
        await Page.FillAsync("#event-phone", "+420 602 123 456");
        await Page.GetByLabel("Podává se alkohol").CheckAsync();
        await Page.ClickAsync("#event-save");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#events-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("#events-table")).ToContainTextAsync("Kontrola zavazadel");
        await AssertAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = Market }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync(Market);
        await Assertions.Expect(Page.Locator("#event-tier-name")).ToHaveTextAsync("Rozšířená");
        await Assertions.Expect(Page.Locator("#event-measure-EVT-02")).ToContainTextAsync("Naplánovat pohyb davu na velké akci");
        await Assertions.Expect(Page.Locator("#event-measure-EVT-02")).ToContainTextAsync("návštěvnost akce 8\u00A0000 ≥ 5\u00A0000");
        await Assertions.Expect(Page.Locator("#event-measure-EVT-01")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#event-checklist-items")).ToContainTextAsync("Podává se alkohol");
        await AssertAccessibleAsync();

        await Page.ClickAsync("#back-to-events");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Smazat {Market}" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToContainTextAsync("Smazat akci?");
        await AssertAccessibleAsync();
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Smazat" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#events-none")).ToBeVisibleAsync();
        Assert.False(await App.WithServicesAsync(sp => sp.GetRequiredService<SoftTargetsDbContext>().SiteEvents.AnyAsync(e => e.SiteId == mall)));
    }

    [Fact]
    public async Task On_a_phone_an_auditor_reads_the_demo_concert_from_the_dashboard_without_sideways_scrolling_and_cannot_change_it()
    {
        var stadium = await SiteIdAsync(Stadium);
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(Auditor);
        await GoToAsync("/dashboards");
        await Assertions.Expect(Page.Locator("#upcoming-events-table")).ToContainTextAsync("Letní koncert na Slezské aréně");
        await AssertAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Letní koncert na Slezské aréně" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Letní koncert na Slezské aréně");
        await Assertions.Expect(Page.Locator("#event-measure-EVT-02")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollingAsync();
        await AssertAccessibleAsync();

        await GoToAsync($"/sites/{stadium}/events");
        await Assertions.Expect(Page.Locator("#events-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("#event-new")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Delete Letní koncert na Slezské aréně" })).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollingAsync();
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task Another_organisation_finds_no_event_page_for_the_concert()
    {
        var (stadium, concert) = await App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<SoftTargetsDbContext>();
            var site = await db.Sites.Where(s => s.Name == Stadium).Select(s => s.Id).SingleAsync();
            return (site, await db.SiteEvents.Where(e => e.SiteId == site).Select(e => e.Id).SingleAsync());
        });
        await SignInAsync(SchoolManager);

        var response = await Page.GotoAsync($"/sites/{stadium}/events/{concert}");

        Assert.Equal(404, response!.Status);
    }

    private async Task AssertNoSidewaysScrollingAsync() =>
        Assert.True(await Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"),
            "The page scrolls sideways at 390 px: " + string.Join(", ", await Page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                  .map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')}`).slice(0, 10)
                """)));
}
