using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Methodology;

/// <summary>
/// Two methodologies side by side, in Czech: an editor imports and publishes a second one (written in English only)
/// from a file, then a venue manager creates a site that follows it, in one of its own regions, and plans an event there.
/// </summary>
public sealed class SecondMethodologyJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Theatre = "Slezské divadlo Opava";
    private const string Premiere = "Premiéra Prodané nevěsty";

    protected override bool ChangesData => true;

    [Fact]
    public async Task An_editor_imports_a_second_methodology_and_a_manager_creates_a_site_under_it_with_an_event_in_Czech()
    {
        await SignInAsync(Editor);
        await SwitchToCzechAsync();
        await GoToAsync("/methodology");
        var file = Path.Combine(AppContext.BaseDirectory, "Methodology", "Library", "uk-protected-premises.yaml");
        await Page.Locator("input[type=file]").First.SetInputFilesAsync(file);
        await ExpectAddressAsync("/methodology/versions/");
        await Page.Locator("#version-heading").WaitForAsync();
        await Assertions.Expect(Page.Locator("#version-heading")).ToContainTextAsync("Protected premises (test methodology)");
        await AssertAccessibleAsync();

        await Page.GetByRole(AriaRole.Tab, new() { Name = "Kontrola a vydání" }).ClickAsync();
        await Page.Locator("#checks-ok").WaitForAsync();
        await Page.FillAsync("#publish-note", "Druhá metodika vedle české.");
        await Page.ClickAsync("#publish");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToContainTextAsync("Verze 1 bude první vydanou verzí této metodiky");
        await AssertAccessibleAsync();
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Vydat" }).ClickAsync();
        await ExpectAddressAsync("^(?!.*/methodology/versions/)");
        await AssertAccessibleAsync();
        await SignOutAsync();

        await SignInAsync(ArenaManager);
        await SwitchToCzechAsync();
        await GoToAsync("/sites/new");
        await Page.Locator("#wizard-methodology").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await ChooseAsync("#wizard-methodology", "Protected premises (test methodology)");
        await Page.FillAsync("#wizard-name", Theatre);
        await Page.FillAsync("#wizard-address", "Horní náměstí 13, Opava");
        // The regions are the second methodology's own (written in English only, so shown in English).
        await Page.Locator(".mud-select").Filter(new() { Has = Page.Locator("#wizard-region") }).Last.ClickAsync();
        await Assertions.Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveTextAsync(["England", "Northern Ireland", "Scotland", "Wales"]);
        await AssertAccessibleAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Scotland" }).First.ClickAsync();
        await Assertions.Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await ChooseAsync("#wizard-venue-type", "Theatre");
        await Page.FillAsync("#wizard-occupancy", "1000");
        await Page.FillAsync("#wizard-visitors", "400");
        await AssertAccessibleAsync();
        await NextWizardStepsAsync(4);
        await Assertions.Expect(Page.Locator("#wizard-ready")).ToBeVisibleAsync();
        await Page.ClickAsync("#wizard-save");
        await ExpectAddressAsync("/sites/[0-9a-f-]{36}$");
        await Assertions.Expect(Page.Locator("#site-methodology")).ToHaveTextAsync("Protected premises (test methodology)");
        await Assertions.Expect(Page.Locator("dd", new() { HasText = "Scotland" })).ToHaveCountAsync(1);
        await AssertAccessibleAsync();

        await Page.ClickAsync("#site-tab-events");
        await Page.ClickAsync("#event-new");
        await Page.Locator(".mud-dialog #event-name").WaitForAsync();
        await Page.FillAsync("#event-name", Premiere);
        await Page.FillAsync("#event-attendance", "900");
        await Page.FillAsync("#event-responsible", "Eva Dvořáková");
        await Page.FillAsync("#event-phone", "+420 603 222 111");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#event-save");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Link, new() { Name = Premiere }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync(Premiere);
        await AssertAccessibleAsync();

        var saved = await App.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SoftTargetsDbContext>();
            return await (from s in db.Sites
                          join m in db.Methodologies on s.MethodologyId equals m.Id
                          where s.Name == Theatre
                          select new { m.Code, s.Region, Events = db.SiteEvents.Count(e => e.SiteId == s.Id && e.Name == Premiere) }).SingleAsync();
        });
        Assert.Equal(("uk-protected-premises", "Scotland", 1), (saved.Code, saved.Region, saved.Events));
    }

    private async Task SwitchToCzechAsync()
    {
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await WaitForCircuitAsync();
    }
}
