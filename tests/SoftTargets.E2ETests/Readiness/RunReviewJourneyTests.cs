using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.E2ETests.Infrastructure;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.E2ETests.Readiness;

public sealed class RunReviewJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string ConcertHall = "Koncertní síň Vltava";
    private const string LockdownFinding = "Lockdown procedure not drilled";

    protected override bool ChangesData => true;

    [Fact]
    public async Task A_manager_reviews_a_finished_drill_writes_lessons_raises_items_seen_in_the_plan_and_answers_the_open_finding()
    {
        var (siteId, runId, measureKey) = await ArrangeFinishedDrillAsync();
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{siteId}/runs/{runId}/review");

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync($"After-action review · {ConcertHall}");
        await Assertions.Expect(Page.Locator("#review-back")).ToHaveAttributeAsync("href", $"/sites/{siteId}/runs/{runId}");
        await Assertions.Expect(Page.Locator("#review-count-late .figure-value")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#review-count-done .figure-value")).ToHaveTextAsync("1");
        var late = Page.Locator("#review-steps li[data-outcome='Late']");
        await Assertions.Expect(late).ToHaveCountAsync(1);
        await Assertions.Expect(late.Locator(".outcome-mark")).ToHaveTextAsync("Late");
        await Assertions.Expect(Page.Locator("#review-steps li[data-outcome='Missed'] .outcome-mark").First).ToHaveTextAsync("Missed");
        await Assertions.Expect(Page.Locator("#review-timeline .timeline-entry")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.Locator("#review-participants")).ToContainTextAsync("security@arenaplus.example");
        await AssertAccessibleAsync();

        await Page.FillAsync("#review-lessons-input", "The PA announcement came four minutes late: the script was in the office.");
        await Page.ClickAsync("#review-lessons-save");
        await Assertions.Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("Lessons saved.");

        await AddItemAsync("Keep the PA script at the control desk", measureKey);
        var measured = Page.Locator("#review-improvements .improvement-item").Filter(new() { HasText = "Keep the PA script" });
        await Assertions.Expect(measured.Locator(".improvement-measure")).ToContainTextAsync(measureKey);
        await AddItemAsync("Drill the lockdown with the evening staff", null);
        var lockdown = Page.Locator("#review-improvements .improvement-item").Filter(new() { HasText = "Drill the lockdown" });

        await lockdown.Locator(".improvement-link").ClickAsync();
        await Page.Locator(".mud-dialog #link-findings").WaitForAsync();
        await AssertAccessibleAsync();
        await Page.Locator(".mud-dialog .link-finding").Filter(new() { HasText = LockdownFinding }).ClickAsync();
        await Assertions.Expect(Page.Locator("#link-answer")).ToContainTextAsync("Drill the lockdown with the evening staff");
        await Page.ClickAsync("#link-save");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(lockdown.Locator(".improvement-finding")).ToHaveTextAsync(LockdownFinding);
        await Assertions.Expect(lockdown.Locator(".improvement-link")).ToHaveCountAsync(0);

        await GoToAsync($"/sites/{siteId}/plan");
        var planned = Page.Locator("#plan-improvements .improvement-item").Filter(new() { HasText = "Keep the PA script" });
        await Assertions.Expect(planned.Locator(".improvement-measure")).ToContainTextAsync(measureKey);
        await Assertions.Expect(planned.Locator(".improvement-review")).ToHaveAttributeAsync("href", $"/sites/{siteId}/runs/{runId}/review");
        await planned.Locator(".improvement-toggle input").ClickAsync();
        await Assertions.Expect(Page.Locator("#plan-improvements .improvement-item").Last).ToContainTextAsync("Keep the PA script");
        await Assertions.Expect(Page.Locator("#plan-improvements .improvement-item").Last.Locator(".improvement-done")).ToHaveTextAsync("Done");
        await AssertAccessibleAsync();

        await GoToAsync($"/sites/{siteId}");
        var finding = Page.Locator("#site-findings-table tr").Filter(new() { HasText = LockdownFinding });
        await Assertions.Expect(finding.Locator(".finding-state")).ToHaveTextAsync("Answered");
    }

    [Fact]
    public async Task On_a_phone_in_czech_the_review_and_its_dialogs_read_without_scrolling_sideways()
    {
        var (siteId, runId, _) = await ArrangeFinishedDrillAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(ArenaManager);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync($"/sites/{siteId}/runs/{runId}/review");

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync($"Vyhodnocení · {ConcertHall}");
        await Assertions.Expect(Page.Locator("#review-steps li[data-outcome='Late'] .outcome-mark")).ToHaveTextAsync("Pozdě");
        await Assertions.Expect(Page.Locator("#review-steps li[data-outcome='Missed'] .outcome-mark").First).ToHaveTextAsync("Vynecháno");
        await AssertNoSidewaysScrollAsync();
        await AssertAccessibleAsync();

        await Page.ClickAsync("#improvement-add");
        await Page.Locator(".mud-dialog #improvement-title").WaitForAsync();
        await Page.ClickAsync("#improvement-save");
        await Assertions.Expect(Page.Locator(".mud-dialog .mud-input-helper-text.mud-input-error").First).ToContainTextAsync("Uveďte, co je třeba zlepšit.");
        await AssertAccessibleAsync();
        await Page.FillAsync("#improvement-title", "Nacvičit uzamčení s večerní směnou");
        await Page.FillAsync("#improvement-owner", "Jana Nováková");
        await Page.ClickAsync("#improvement-save");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        var item = Page.Locator("#review-improvements .improvement-item").Filter(new() { HasText = "Nacvičit uzamčení" });
        await item.Locator(".improvement-link").ClickAsync();
        await Page.Locator(".mud-dialog #link-findings").WaitForAsync();
        await Assertions.Expect(Page.Locator("#link-answer")).ToContainTextAsync("Řešeno nápravným úkolem");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#link-cancel");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync();
    }

    private async Task AddItemAsync(string title, string? measureKey)
    {
        await Page.ClickAsync("#improvement-add");
        await Page.Locator(".mud-dialog #improvement-title").WaitForAsync();
        await Page.FillAsync("#improvement-title", title);
        await Page.FillAsync("#improvement-owner", "Jana Nováková");
        if (measureKey is not null) await ChooseAsync("#improvement-measure", measureKey);
        await AssertAccessibleAsync();
        await Page.ClickAsync("#improvement-save");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#review-improvements .improvement-item").Filter(new() { HasText = title })).ToHaveCountAsync(1);
    }

    private async Task AssertNoSidewaysScrollAsync()
    {
        var tooWide = await Page.EvaluateAsync<string[]>(
            """
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
              [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')}`).slice(0, 10)
            """);
        Assert.True(tooWide.Length == 0, "The review scrolls sideways at 390 px: " + string.Join(", ", tooWide));
    }

    /// <summary>
    /// A drill of the hall's first playbook started an hour ago and finished: the first targeted step ticked in time by the
    /// manager, the second 30 s after its target by the security officer, the rest missed. Returns a measure key of its plan.
    /// </summary>
    private Task<(Guid SiteId, Guid RunId, string MeasureKey)> ArrangeFinishedDrillAsync() => App.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<SoftTargetsDbContext>();
        var siteId = await db.Sites.Where(s => s.Name == ConcertHall).Select(s => s.Id).SingleAsync();
        var plan = await db.SitePlans.Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision).FirstAsync();
        var document = await PlanDocuments.ReadAsync(db, plan);
        var playbook = document.Playbooks.First(p => p.Steps.Count(s => PlaybookRun.Covers(RunKind.Drill, s.Phase) && s.TargetMinutes is not null) >= 2);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var run = new PlaybookRun(RunKind.Drill, siteId, plan.MethodologyVersionId, plan.Revision, playbook, "", "Armed intruder in the foyer", start);
        var targeted = run.Steps.Where(s => s.TargetMinutes is not null).ToList();
        run.Tick(targeted[0].Key, ArenaManager, start.AddSeconds(targeted[0].TargetMinutes!.Value * 60 - 10));
        run.Tick(targeted[1].Key, "security@arenaplus.example", start.AddSeconds(targeted[1].TargetMinutes!.Value * 60 + 30));
        run.Finish(start.AddMinutes(40));
        db.PlaybookRuns.Add(run);
        await db.SaveChangesAsync();
        return (siteId, run.Id, document.Applicable.OrderBy(m => m.Key).First().Key);
    });
}
