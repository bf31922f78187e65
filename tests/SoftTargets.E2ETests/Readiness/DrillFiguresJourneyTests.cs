using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Readiness;

public sealed class DrillFiguresJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Step = "PB-ARSON-P1-01";

    protected override bool ChangesData => true;

    [Fact]
    public async Task An_editor_opens_a_steps_drill_figures_from_the_methodology_editor()
    {
        var version = await ArrangeMissedDrillAsync();
        await SignInAsync(Editor);
        await Assertions.Expect(Page.Locator("#home-drill-feedback")).ToBeVisibleAsync();
        await GoToAsync($"/methodology/versions/{version}");
        await Page.Locator(".mud-tab", new() { HasText = "Playbooks" }).ClickAsync();
        await Page.Locator(".mud-expand-panel-header", new() { HasText = "PB-ARSON ·" }).ClickAsync();
        var link = Page.Locator($"#step-figures-{Step}");
        await Assertions.Expect(link).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        await link.ClickAsync();

        await ExpectAddressAsync($@"/methodology/feedback\?step={Regex.Escape(Step)}$");
        await WaitForCircuitAsync();
        var rows = Page.Locator("#feedback-steps tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(Step);
        await Assertions.Expect(rows.First).ToContainTextAsync("100.0 % (1)"); // the one drill missed it
        await Assertions.Expect(Page.Locator("#feedback-filtered")).ToContainTextAsync(Step);
        await AssertAccessibleAsync();

        await Page.ClickAsync("#feedback-show-all");
        await Assertions.Expect(Page.Locator("#feedback-filtered")).ToHaveCountAsync(0);
        Assert.True(await rows.CountAsync() > 10, "Every drillable step of the methodology is listed.");
    }

    [Fact]
    public async Task The_dashboard_shows_drill_coverage_and_time_to_target_by_region_and_venue_type()
    {
        await ArrangeMissedDrillAsync();
        await SignInAsync(Auditor);
        await GoToAsync("/dashboards");

        await Assertions.Expect(Page.Locator("#readiness-heading")).ToHaveTextAsync("Drill readiness");
        foreach (var table in new[] { "coverage-region", "coverage-venuetype", "timing-region", "timing-venuetype" })
        {
            await Assertions.Expect(Page.Locator($"#table-{table} tbody tr").Last).ToContainTextAsync("All sites in view");
            await Assertions.Expect(Page.Locator($"#export-{table}-xlsx")).ToHaveAttributeAsync("href", $"/dashboards/readiness/export/{table}.xlsx");
        }
        // The concert hall's drill in Prague did no step of a procedure: it counts as drilled, not as covered.
        var prague = Page.Locator("#table-coverage-region tbody tr", new() { HasText = "Prague" });
        await Assertions.Expect(prague.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_step_figures_stack_into_cards_without_scrolling_sideways()
    {
        await ArrangeMissedDrillAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(Auditor);
        await GoToAsync($"/methodology/feedback?step={Step}");

        var row = Page.Locator("#feedback-steps tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync(Step);
        // Stacked: each value carries its label.
        await Assertions.Expect(row.Locator("td[data-label='Missed']")).ToContainTextAsync("100.0 %");
        var tooWide = await Page.EvaluateAsync<string[]>(
            """
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
              [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')}`).slice(0, 10)
            """);
        Assert.True(tooWide.Length == 0, "The feedback page scrolls sideways at 390 px: " + string.Join(", ", tooWide));
        await AssertAccessibleAsync();
    }

    /// <summary>A finished drill of the concert hall's arson playbook in which the first step was never done; returns the published version.</summary>
    private Task<Guid> ArrangeMissedDrillAsync() => App.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<SoftTargetsDbContext>();
        var version = (await db.CurrentPublishedAsync(default))!;
        var hall = await db.Sites.Where(s => s.Name == "Koncertní síň Vltava").Select(s => s.Id).SingleAsync();
        var template = version.Content.Playbooks.Single(p => p.Key == "PB-ARSON").Steps.Single(s => s.Key == Step);
        var playbook = new GuidelinePlaybook("PB-ARSON", "arson", new LocalizedText("Arson", "Žhářství"), 10,
            [new GuidelineStep(Step, template.Phase, Procedure.Other, template.Role, new LocalizedText("Duty manager", "Vedoucí směny"), template.TargetMinutes, template.Text, [])]);
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var run = new PlaybookRun(RunKind.Drill, hall, version.Id, 1, playbook, "", "Night-time drill", start);
        run.Finish(start.AddMinutes(30));
        db.PlaybookRuns.Add(run);
        await db.SaveChangesAsync();
        return version.Id;
    });
}
