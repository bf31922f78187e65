using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.IntegrationTests.Readiness;

/// <summary>A run arranged through the domain with known times; its review must say exactly what those times say.</summary>
public sealed class RunReviewTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    internal const string ConcertHall = "Koncertní síň Vltava";
    internal const string Security = "security@arenaplus.example";
    internal static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_drills_review_has_the_elapsed_time_and_outcome_of_each_step_from_its_ticks()
    {
        var siteId = await SiteIdAsync(ConcertHall);
        var runId = await ArrangeDrillAsync(Fixture, siteId);

        var review = await Fixture.AsAsync<RunReviewView?, RunReview>(ArenaManager, r => r.GetAsync(siteId, runId));

        Assert.NotNull(review);
        Assert.True(review.CanChange);
        Assert.Equal(RunKind.Drill, review.Kind);
        Assert.Equal(Start.AddMinutes(40), review.FinishedAt);
        var targeted = review.Steps.Where(s => s.TargetMinutes is not null).ToList();
        var (first, second) = (targeted[0], targeted[1]);
        Assert.Equal(first.TargetMinutes * 60 - 10, first.ElapsedSeconds);
        Assert.Equal(StepOutcome.Done, first.Outcome);
        Assert.Equal(second.TargetMinutes * 60 + 30, second.ElapsedSeconds);
        Assert.Equal(StepOutcome.Late, second.Outcome);
        Assert.All(review.Steps.Where(s => s.Key != first.Key && s.Key != second.Key), s => Assert.Equal(StepOutcome.Missed, s.Outcome));
        Assert.Equal(new ReviewCounts(1, 1, review.Steps.Count - 2, 0), review.Counts);
        Assert.Equal([first.Key, second.Key], review.Timeline.OrderBy(t => t.ElapsedSeconds).Select(t => t.StepKey));
        Assert.Equal(Start.AddSeconds(first.ElapsedSeconds!.Value), review.Timeline.Single(t => t.StepKey == first.Key).At);
        Assert.Equal([ArenaManager, Security], review.Participants.Order(StringComparer.Ordinal));
        Assert.Null(review.Incident);
        Assert.NotEmpty(review.Measures);
    }

    [Fact]
    public async Task An_incidents_review_shows_who_signed_each_reopening_criterion_and_the_time_to_reopen()
    {
        var siteId = await SiteIdAsync(ConcertHall);
        var playbook = await PlaybookAsync(Fixture, siteId, p => p.Steps.Any(s => s.Phase >= IncidentPhase.P4));
        var run = await NewRunAsync(Fixture, siteId, RunKind.Incident, playbook);
        var criteria = run.Steps.Where(s => s.Phase >= IncidentPhase.P4).ToList();
        foreach (var (step, i) in criteria.Select((s, i) => (s, i)))
            run.Tick(step.Key, Security, Start.AddDays(1).AddHours(i), signedOffBy: $"Signer {i}");
        run.RecordOutcome("Suspect detained; two people treated on site.", 2, 0);
        run.Finish(Start.AddDays(2).AddHours(3).AddMinutes(15));
        await SaveAsync(Fixture, run);

        var review = await Fixture.AsAsync<RunReviewView?, RunReview>(Auditor, r => r.GetAsync(siteId, run.Id));

        var incident = Assert.IsType<IncidentReview>(review?.Incident);
        Assert.Equal(new TimeSpan(2, 3, 15, 0), incident.TimeToReopen);
        Assert.Equal(criteria.Select(c => c.Key), incident.Criteria.Select(c => c.Key));
        Assert.Equal(criteria.Select((_, i) => $"Signer {i}"), incident.Criteria.Select(c => c.SignedOffBy));
        Assert.Equal((2, 0), (incident.Injured, incident.Fatalities));
        Assert.Contains("Signer 0", review!.Participants);
        Assert.False(review.CanChange);
    }

    [Fact]
    public async Task Lessons_are_saved_with_the_runs_version_and_a_stale_version_is_a_conflict()
    {
        var siteId = await SiteIdAsync(ConcertHall);
        var runId = await ArrangeDrillAsync(Fixture, siteId);
        var before = await Fixture.AsAsync<RunReviewView?, RunReview>(ArenaManager, r => r.GetAsync(siteId, runId));

        await Fixture.AsAsync<RunReview>(ArenaManager, r => r.SaveLessonsAsync(runId, "Gate B radio was silent.", 340, before!.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Fixture.AsAsync<RunReview>(Security, r => r.SaveLessonsAsync(runId, "Overwritten?", 1, before!.Version)));

        var after = await Fixture.AsAsync<RunReviewView?, RunReview>(ArenaManager, r => r.GetAsync(siteId, runId));
        Assert.Equal(("Gate B radio was silent.", (int?)340), (after!.Lessons, after.Headcount));
    }

    [Fact]
    public async Task Another_organisations_manager_finds_no_review_and_an_auditor_reads_but_cannot_write_lessons()
    {
        var siteId = await SiteIdAsync(ConcertHall);
        var runId = await ArrangeDrillAsync(Fixture, siteId);

        Assert.Null(await Fixture.AsAsync<RunReviewView?, RunReview>(SchoolManager, r => r.GetAsync(siteId, runId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<RunReview>(SchoolManager, r => r.SaveLessonsAsync(runId, "x", null, 0)));
        Assert.NotNull(await Fixture.AsAsync<RunReviewView?, RunReview>(Auditor, r => r.GetAsync(siteId, runId)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<RunReview>(Auditor, r => r.SaveLessonsAsync(runId, "x", null, 0)));
        // The run read through another site's address is not there either.
        Assert.Null(await Fixture.AsAsync<RunReviewView?, RunReview>(ArenaManager, async r => await r.GetAsync(await SiteIdAsync("Slezská aréna"), runId)));
    }

    /// <summary>A finished drill of the site's first playbook: the first targeted step in time, the second 30 s late, the rest missed.</summary>
    internal static async Task<Guid> ArrangeDrillAsync(DatabaseFixture fixture, Guid siteId)
    {
        var playbook = await PlaybookAsync(fixture, siteId, p => p.Steps.Count(s => PlaybookRun.Covers(RunKind.Drill, s.Phase) && s.TargetMinutes is not null) >= 2);
        var run = await NewRunAsync(fixture, siteId, RunKind.Drill, playbook);
        var targeted = run.Steps.Where(s => s.TargetMinutes is not null).ToList();
        run.Tick(targeted[0].Key, "manager@arenaplus.example", Start.AddSeconds(targeted[0].TargetMinutes!.Value * 60 - 10));
        run.Tick(targeted[1].Key, Security, Start.AddSeconds(targeted[1].TargetMinutes!.Value * 60 + 30));
        run.Finish(Start.AddMinutes(40));
        await SaveAsync(fixture, run);
        return run.Id;
    }

    internal static async Task<GuidelinePlaybook> PlaybookAsync(DatabaseFixture fixture, Guid siteId, Func<GuidelinePlaybook, bool> which)
    {
        await using var db = fixture.NewDbContext();
        var plan = await db.SitePlans.Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision).FirstAsync();
        return (await PlanDocuments.ReadAsync(db, plan)).Playbooks.First(which);
    }

    internal static async Task<PlaybookRun> NewRunAsync(DatabaseFixture fixture, Guid siteId, RunKind kind, GuidelinePlaybook playbook)
    {
        await using var db = fixture.NewDbContext();
        var plan = await db.SitePlans.Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision).FirstAsync();
        return new PlaybookRun(kind, siteId, plan.MethodologyVersionId, plan.Revision, playbook, "", "Armed intruder in the foyer", Start);
    }

    internal static async Task SaveAsync(DatabaseFixture fixture, PlaybookRun run)
    {
        await using var db = fixture.NewDbContext();
        db.PlaybookRuns.Add(run);
        await db.SaveChangesAsync();
    }
}
