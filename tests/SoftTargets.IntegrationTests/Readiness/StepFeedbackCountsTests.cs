using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.Core.Security;
using SoftTargets.IntegrationTests.Infrastructure;
using static SoftTargets.IntegrationTests.Readiness.ReadinessArrangement;

namespace SoftTargets.IntegrationTests.Readiness;

/// <summary>
/// The feedback reads counts kept by triggers on "RunSteps", not the steps: whatever happens to runs (finished or
/// not, drills or incidents, ticked at random, their site deleted) and however often the counts are folded, the
/// figures must equal a count of the finished drills' steps made here from the rows themselves.
/// </summary>
public sealed class StepFeedbackCountsTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_kept_counts_equal_a_count_of_the_finished_drill_steps_through_random_runs_a_deleted_site_and_folding()
    {
        await ArrangeAsync(Fixture);
        var random = new Random(20261203);
        var sites = await ArrangeRandomRunsAsync(random, sites: 3, runsPerSite: 12);
        await AssertFiguresEqualTheStepsAsync();

        await FoldAsync();
        await AssertFiguresEqualTheStepsAsync();

        await using (var db = Fixture.NewDbContext())
        {
            db.Sites.Remove(await db.Sites.SingleAsync(s => s.Id == sites[0]));
            await db.SaveChangesAsync();
        }
        await ArrangeRandomRunsAsync(random, sites: 1, runsPerSite: 6);
        await AssertFiguresEqualTheStepsAsync();

        // Drills finished after they were saved running: the steps' outcomes come in an update, one statement a step.
        await using (var db = Fixture.NewDbContext())
        {
            var running = await db.PlaybookRuns.Include(r => r.Steps)
                .Where(r => r.Kind == RunKind.Drill && r.FinishedAt == null && r.PlaybookKey == "PB-RANDOM").ToListAsync();
            Assert.NotEmpty(running);
            foreach (var run in running) run.Finish(run.StartedAt.AddHours(1));
            await db.SaveChangesAsync();
        }
        await AssertFiguresEqualTheStepsAsync();

        var keys = await FoldAsync();
        await AssertFiguresEqualTheStepsAsync();
        await using (var db = Fixture.NewDbContext())
        {
            var rows = await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "StepFeedbackCounts" """).SingleAsync();
            Assert.Equal(keys, rows); // folded: one row per key that counts anything
        }
    }

    [Fact]
    public async Task Folding_is_for_the_system_alone()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<int, DrillFeedback>(Editor, f => f.CompactAsync()));
    }

    private async Task AssertFiguresEqualTheStepsAsync()
    {
        await using var db = Fixture.NewDbContext();
        var steps = await (from s in db.RunSteps
                           join r in db.PlaybookRuns on s.RunId equals r.Id
                           where r.Kind == RunKind.Drill && r.FinishedAt != null
                           select new { s.Key, s.ElapsedSeconds, s.TargetMinutes }).ToListAsync();
        var expected = steps.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => (
            Runs: g.Count(),
            Done: g.Count(s => s.ElapsedSeconds is { } e && !StepTiming.IsLate(s.TargetMinutes, e)),
            Late: g.Count(s => s.ElapsedSeconds is { } e && StepTiming.IsLate(s.TargetMinutes, e)),
            Missed: g.Count(s => s.ElapsedSeconds is null),
            Minutes: g.Any(s => s.ElapsedSeconds is not null) ? Math.Round(g.Where(s => s.ElapsedSeconds is not null).Average(s => s.ElapsedSeconds!.Value) / 60.0, 1) : (double?)null));

        var report = await Fixture.AsAsync<DrillFeedbackReport, DrillFeedback>(Editor, f => f.GetAsync());
        var actual = report.Steps.Where(s => s.Runs > 0).ToDictionary(s => s.Key, s => (s.Runs, s.Done, s.Late, s.Missed, Minutes: s.MeanElapsedMinutes));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(a => a.Key, StringComparer.Ordinal));
    }

    private async Task<int> FoldAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        using var system = SystemScope.Begin();
        return await scope.ServiceProvider.GetRequiredService<DrillFeedback>().CompactAsync();
    }

    /// <summary>Drills and incidents on new sites, each step ticked (or not) at a random second around its target, some runs left unfinished.</summary>
    private async Task<List<Guid>> ArrangeRandomRunsAsync(Random random, int sites, int runsPerSite)
    {
        await using var db = Fixture.NewDbContext();
        var published = (await db.CurrentPublishedAsync(default))!;
        var version = published.Id;
        var organization = await db.Users.Where(u => u.Email == "manager@arenaplus.example").Select(u => u.OrganizationId).SingleAsync();
        var book = new GuidelinePlaybook("PB-RANDOM", "arson", new LocalizedText("Arson", "Žhářství"), 10,
            [.. Enumerable.Range(1, 6).Select(i => new GuidelineStep($"PB-RANDOM-{i:00}", IncidentPhase.P1 + (i - 1) % 5, Procedure.Other, "duty-manager",
                new LocalizedText("Duty manager", "Vedoucí směny"), i % 3 == 0 ? null : i, new LocalizedText("Step", "Krok"), []))]);
        var created = new List<Guid>();
        for (var n = 0; n < sites; n++)
        {
            var site = new Site(organization, published.MethodologyId, new SiteProfile($"Náhodný objekt {Guid.NewGuid():N}", "Masarykova 1", "Liberecky", "museum-gallery", 300, 200, "", []));
            db.Sites.Add(site);
            created.Add(site.Id);
            for (var r = 0; r < runsPerSite; r++)
            {
                var start = DateTimeOffset.UtcNow.AddDays(-random.Next(1, 500));
                var kind = random.Next(4) == 0 ? RunKind.Incident : RunKind.Drill;
                var run = new PlaybookRun(kind, site.Id, version, 1, book, "", "", start);
                foreach (var step in run.Steps.ToList())
                    if (random.Next(5) > 0)
                        run.Tick(step.Key, "tester", start.AddSeconds(random.Next(0, 2 * 60 * (step.TargetMinutes ?? 5))), "Jana Nováková");
                if (random.Next(6) > 0 && (kind == RunKind.Drill || run.Steps.All(s => s.DoneAt is not null))) run.Finish(start.AddHours(1));
                db.PlaybookRuns.Add(run);
            }
        }
        await db.SaveChangesAsync();
        return created;
    }
}
