using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Readiness;

/// <summary>The demo data's drill and incident, as seeded: what the review, the return to routine and the figures show on a fresh install.</summary>
public sealed class DemoExercisesTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact, ReadsOnly]
    public async Task The_stadium_has_a_reviewed_lockdown_drill_with_late_and_missed_steps_and_two_improvement_items()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        await using var db = Fixture.NewDbContext();

        var drill = await db.PlaybookRuns.Include(r => r.Steps).SingleAsync(r => r.SiteId == stadium);
        Assert.Equal(RunKind.Drill, drill.Kind);
        Assert.Equal("firearms", drill.ThreatKey);
        Assert.True(drill.IsFinished);
        Assert.InRange(drill.HeldOn, Today.AddMonths(-3).AddDays(-1), Today.AddMonths(-3).AddDays(1));
        Assert.NotEmpty(drill.Lessons);
        Assert.Equal(120, drill.Headcount);
        Assert.All(drill.Steps, s => Assert.InRange(s.Phase, IncidentPhase.P1, IncidentPhase.P3));
        Assert.Contains(drill.Steps, s => s.Procedure == Procedure.Lockdown);
        var late = drill.Steps.Where(s => s.Outcome == StepOutcome.Late).Select(s => s.Key).Order().ToList();
        Assert.Equal(["PB-FIREARMS-P1-01", "PB-FIREARMS-P2-04"], late);
        Assert.Equal("PB-FIREARMS-P2-03", Assert.Single(drill.Steps, s => s.Outcome == StepOutcome.Missed).Key);
        Assert.True(drill.Steps.Count(s => s.Outcome == StepOutcome.Done) >= 5);
        Assert.Equal(["Martin Provozní", "Petra Horáková"], drill.Steps.Where(s => s.DoneAt is not null).Select(s => s.DoneBy).Distinct().Order());
        Assert.All(drill.Steps.Where(s => s.DoneAt is not null), s => Assert.Equal((int)(s.DoneAt!.Value - drill.StartedAt).TotalSeconds, s.ElapsedSeconds));
        Assert.Contains(drill.Steps, s => s.Note.Length > 0);

        var items = await db.ImprovementItems.Where(i => i.SiteId == stadium).OrderBy(i => i.DueDate).ToListAsync();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.True(i.RunId == drill.Id && i.Owner.Length > 0 && i.DueDate >= Today && i.Status == ImprovementStatus.Open));
        Assert.Contains(items, i => i.StepKey == "PB-FIREARMS-P1-01");
        var measureKey = Assert.Single(items, i => i.MeasureKey is not null).MeasureKey;
        Assert.True(await db.PlanMeasures.AnyAsync(m => m.SiteId == stadium && m.MeasureKey == measureKey && m.IsApplicable),
            $"The improvement item's measure {measureKey} is not a measure of the stadium's plan.");
    }

    [Fact, ReadsOnly]
    public async Task The_concert_hall_followed_a_suspicious_package_to_the_return_to_routine_with_every_criterion_signed()
    {
        var hall = await SiteIdAsync("Koncertní síň Vltava");
        await using var db = Fixture.NewDbContext();

        var incident = await db.PlaybookRuns.Include(r => r.Steps).SingleAsync(r => r.SiteId == hall);
        Assert.Equal(RunKind.Incident, incident.Kind);
        Assert.Equal("ied", incident.ThreatKey);
        Assert.InRange(DateOnly.FromDateTime(incident.StartedAt.UtcDateTime), Today.AddMonths(-2).AddDays(-1), Today.AddMonths(-2).AddDays(1));
        Assert.True(incident.IsFinished);
        Assert.Equal(DateOnly.FromDateTime(incident.StartedAt.UtcDateTime).AddDays(1), DateOnly.FromDateTime(incident.FinishedAt!.Value.UtcDateTime));
        Assert.Equal(incident.FinishedAt - incident.StartedAt, incident.TimeToReopen);
        Assert.Equal(0, incident.Injured);
        Assert.NotEmpty(incident.Outcome);
        Assert.All(incident.Steps.Where(s => s.Phase <= IncidentPhase.P3), s => Assert.NotNull(s.DoneAt));
        var criteria = incident.Steps.Where(s => PlaybookRun.IsReopeningCriterion(incident.Kind, s.Phase)).ToList();
        Assert.Contains(criteria, s => s.Phase == IncidentPhase.P4);
        Assert.Contains(criteria, s => s.Phase == IncidentPhase.P5);
        Assert.All(criteria, s => Assert.True(s.DoneAt is not null && s.SignedOffBy.Length > 0, $"{s.Key} is not signed off."));

        // The finding is there to be answered with a drill: the demo leaves it open.
        var finding = await db.Findings.SingleAsync(f => f.SiteId == hall && f.Title == "Lockdown procedure not drilled");
        Assert.Equal(FindingStatus.Open, finding.Status);
    }
}
