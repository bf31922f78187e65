using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Readiness;

public sealed class RunnerJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Stadium = "Slezská aréna";
    private const string SecondArenaManager = "security@arenaplus.example";
    private static readonly LocatorAssertionsToBeVisibleOptions WithinTwoSeconds = new() { Timeout = 2_000 };

    protected override bool ChangesData => true;

    [Fact]
    public async Task Two_people_on_one_drill_see_each_others_ticks_within_two_seconds_and_a_reload_loses_nothing()
    {
        var (siteId, runId) = await StartDrillAsync();
        var other = await App.NewPageAsync();
        try
        {
            await SignInAsync(ArenaManager);
            await GoToAsync($"/sites/{siteId}/runs/{runId}");
            await SignInThroughFormAsync(other, SecondArenaManager);
            await other.GotoAsync($"/sites/{siteId}/runs/{runId}");
            await other.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            var keys = await Page.Locator(".step-card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.step)");
            Assert.True(keys.Length >= 2, "The drill has fewer than two steps.");

            await Card(Page, keys[0]).Locator(".step-tick").ClickAsync();
            await Assertions.Expect(Card(other, keys[0]).Locator(".step-done")).ToBeVisibleAsync(WithinTwoSeconds);
            await Assertions.Expect(Card(other, keys[0]).Locator(".step-done")).ToContainTextAsync("Martin Provozní");

            await Card(other, keys[1]).Locator(".step-tick").ClickAsync();
            await Card(other, keys[1]).Locator(".step-note input").FillAsync("Gate 4 opened late");
            await Card(other, keys[1]).Locator(".step-note-save").ClickAsync();
            await Assertions.Expect(Card(Page, keys[1]).Locator(".step-done")).ToBeVisibleAsync(WithinTwoSeconds);
            await Assertions.Expect(Card(Page, keys[1]).Locator(".step-done")).ToContainTextAsync("Petra Horáková");
            await Assertions.Expect(Card(Page, keys[1]).Locator(".step-note input")).ToHaveValueAsync("Gate 4 opened late", new() { Timeout = 2_000 });
            await AssertAccessibleAsync();

            await GoToAsync($"/sites/{siteId}/runs/{runId}");
            await Assertions.Expect(Page.Locator(".step-card .step-done")).ToHaveCountAsync(2);
            await Assertions.Expect(Card(Page, keys[1]).Locator(".step-note input")).ToHaveValueAsync("Gate 4 opened late");
            await Assertions.Expect(Page.Locator("#run-progress")).ToContainTextAsync($"2 of {keys.Length}");
        }
        finally
        {
            await other.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_venue_manager_runs_a_whole_drill_in_Czech_on_a_phone_without_scrolling_sideways()
    {
        var siteId = await SiteIdAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(ArenaManager);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync($"/sites/{siteId}");
        await Page.ClickAsync("#site-tab-runs");
        await Assertions.Expect(Page.Locator("#runs-heading")).ToHaveTextAsync($"Cvičení a incidenty: {Stadium}");
        await AssertNoSidewaysScrollAsync();
        await AssertAccessibleAsync();

        await Page.ClickAsync("#start-drill");
        await Page.Locator(".mud-dialog #run-scenario").WaitForAsync();
        await ChooseAsync("#run-playbook", "kroků");
        await Page.FillAsync("#run-scenario", "Kouř v severní tribuně");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#run-start");
        await ExpectAddressAsync($"/sites/{siteId}/runs/[^/]+$");
        await Assertions.Expect(Page.Locator("#run-heading")).ToContainTextAsync("Cvičení:");
        await Assertions.Expect(Page.Locator("#run-scenario-text")).ToHaveTextAsync("Kouř v severní tribuně");
        var clock = await Page.Locator("#run-clock").TextContentAsync();
        await Assertions.Expect(Page.Locator("#run-clock")).Not.ToHaveTextAsync(clock!, new() { Timeout = 3_000 });

        var first = Page.Locator(".step-card").First;
        await first.Locator(".step-tick").ClickAsync();
        await Assertions.Expect(first.Locator(".step-done")).ToContainTextAsync("Splněno");
        await first.Locator(".step-note input").FillAsync("Siréna v sektoru B nebyla slyšet");
        await first.Locator(".step-note-save").ClickAsync();
        await Assertions.Expect(first.Locator(".step-note-save")).ToBeDisabledAsync();
        await AssertNoSidewaysScrollAsync();
        await AssertAccessibleAsync();

        await Page.ClickAsync("#run-finish");
        await Page.Locator(".mud-dialog").WaitForAsync();
        await AssertAccessibleAsync();
        await Page.Locator(".mud-dialog button").Filter(new() { HasText = "Ukončit cvičení" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#run-review-link")).ToHaveTextAsync("Vyhodnocení");
        await Assertions.Expect(Page.Locator(".step-tick")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator(".step-note-text")).ToContainTextAsync("Siréna v sektoru B nebyla slyšet");
        await AssertNoSidewaysScrollAsync();
    }

    [Fact]
    public async Task An_incident_is_recorded_and_returns_to_routine_only_once_its_reopening_criteria_are_signed_off()
    {
        var siteId = await SiteIdAsync();
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{siteId}/runs");
        await Page.ClickAsync("#record-incident");
        await Page.Locator(".mud-dialog #run-happened").WaitForAsync();
        await ChooseAsync("#run-playbook", "steps");
        var prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");
        await Page.FillAsync("#run-happened", TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(-45), prague).ToString("yyyy-MM-dd'T'HH:mm"));
        await AssertAccessibleAsync();
        await Page.ClickAsync("#run-start");
        await ExpectAddressAsync($"/sites/{siteId}/runs/[^/]+$");
        await Assertions.Expect(Page.Locator("#run-heading")).ToContainTextAsync("Incident:");
        await Assertions.Expect(Page.Locator(".step-past-target").First).ToContainTextAsync("Past target");

        await Page.FillAsync("#incident-outcome", "Crowd evacuated; no device found.");
        await Page.FillAsync("#incident-injured", "2");
        await Page.ClickAsync("#incident-save");
        await Page.ClickAsync("#run-finish");
        await Assertions.Expect(Page.Locator("#run-error")).ToContainTextAsync("must be signed off by a named person");

        var criteria = Page.Locator(".step-card").Filter(new() { Has = Page.Locator(".step-signoff") });
        var count = await criteria.CountAsync();
        Assert.True(count > 0, "The incident has no reopening criteria.");
        for (var i = 0; i < count; i++)
        {
            var card = criteria.First;
            await card.Locator(".step-signoff input").FillAsync($"Ing. Jan Novák {i}");
            await card.Locator(".step-tick").ClickAsync();
            await Assertions.Expect(criteria).ToHaveCountAsync(count - i - 1);
        }
        await Assertions.Expect(Page.Locator(".step-signed").First).ToContainTextAsync("Signed off by Ing. Jan Novák 0");
        await AssertAccessibleAsync();

        await Page.ClickAsync("#run-finish");
        await Page.Locator(".mud-dialog").WaitForAsync();
        await AssertAccessibleAsync();
        await Page.Locator(".mud-dialog button").Filter(new() { HasText = "Return to routine" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#run-review-link")).ToBeVisibleAsync();

        var runPath = new Uri(Page.Url).AbsolutePath;
        await SignInAsync(Auditor);
        await GoToAsync(runPath);
        await Assertions.Expect(Page.Locator("#incident-outcome-text")).ToHaveTextAsync("Crowd evacuated; no device found.");
        await Assertions.Expect(Page.Locator("#incident-injured-text")).ToHaveTextAsync("2");
    }

    private static ILocator Card(IPage page, string key) => page.Locator($".step-card[data-step='{key}']");

    private async Task AssertNoSidewaysScrollAsync() =>
        Assert.True(await Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"),
            $"{Page.Url} scrolls sideways at {Page.ViewportSize?.Width} px.");

    private static async Task SignInThroughFormAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoSeeder.Password);
        await page.ClickAsync("#login-submit");
        await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private Task<Guid> SiteIdAsync() => App.WithServicesAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SoftTargetsDbContext>>().CreateDbContextAsync();
        return await db.Sites.Where(s => s.Name == Stadium).Select(s => s.Id).SingleAsync();
    });

    private async Task<(Guid SiteId, Guid RunId)> StartDrillAsync()
    {
        var siteId = await SiteIdAsync();
        var runId = await App.WithServicesAsync(async services =>
        {
            var options = (await services.GetRequiredService<RunQueries>().GetStartOptionsAsync(siteId))!;
            return await services.GetRequiredService<RunService>().StartAsync(siteId, new RunStart(RunKind.Drill, options.Playbooks[0].Key, null, "Two-person drill"));
        });
        return (siteId, runId);
    }
}
