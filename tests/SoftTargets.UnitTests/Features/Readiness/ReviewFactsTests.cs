using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Readiness;

namespace SoftTargets.UnitTests.Features.Readiness;

public sealed class ReviewFactsTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private static GuidelineStep Step(string key, IncidentPhase phase, int? target) =>
        new(key, phase, Procedure.Lockdown, "security-lead", new LocalizedText("Security lead", "Vedoucí ostrahy"), target,
            new LocalizedText($"Do {key}", $"Udělej {key}"), []);

    private static PlaybookRun Run(RunKind kind = RunKind.Drill) => new(kind, Guid.NewGuid(), Guid.NewGuid(), 1,
        new GuidelinePlaybook("PB-FIREARMS", "firearms", new LocalizedText("Firearms", "Střelné zbraně"), 16,
        [
            Step("P0-01", IncidentPhase.P0, null),
            Step("P1-01", IncidentPhase.P1, 2),
            Step("P1-02", IncidentPhase.P1, 5),
            Step("P2-01", IncidentPhase.P2, 10),
            Step("P3-01", IncidentPhase.P3, null),
            Step("P4-01", IncidentPhase.P4, null),
            Step("P5-01", IncidentPhase.P5, null),
        ]), "Hall", "Armed intruder at gate B", Start);

    [Fact]
    public void The_timeline_lists_ticks_in_the_order_they_were_made_with_the_time_since_the_start()
    {
        var run = Run();
        run.Tick("P2-01", "security@arenaplus.example", Start.AddMinutes(7).AddSeconds(30));
        run.Tick("P1-01", "manager@arenaplus.example", Start.AddSeconds(95));
        run.Note("P1-01", "Alarm from the control room.");

        var timeline = ReviewFacts.Timeline(run);

        Assert.Equal(["P1-01", "P2-01"], timeline.Select(t => t.StepKey));
        Assert.Equal([95, 450], timeline.Select(t => t.ElapsedSeconds));
        Assert.Equal("manager@arenaplus.example", timeline[0].DoneBy);
        Assert.Equal("Alarm from the control room.", timeline[0].Note);
    }

    [Fact]
    public void After_the_finish_each_step_is_done_late_or_missed_against_its_target()
    {
        var run = Run();
        run.Tick("P1-01", "a", Start.AddMinutes(2));             // exactly on the target: in time
        run.Tick("P1-02", "a", Start.AddMinutes(5).AddSeconds(1)); // one second over: late
        run.Tick("P3-01", "b", Start.AddHours(2));               // no target: never late
        run.Finish(Start.AddHours(3));

        var steps = ReviewFacts.Steps(run);

        Assert.Equal(["P1-01", "P1-02", "P2-01", "P3-01"], steps.Select(s => s.Key)); // a drill covers P1–P3
        Assert.Equal([StepOutcome.Done, StepOutcome.Late, StepOutcome.Missed, StepOutcome.Done], steps.Select(s => s.Outcome));
        Assert.Equal(new ReviewCounts(Done: 2, Late: 1, Missed: 1, NotYetDone: 0), ReviewFacts.Count(steps));
    }

    [Fact]
    public void While_the_run_goes_on_undone_steps_are_not_yet_done_rather_than_missed()
    {
        var run = Run();
        run.Tick("P1-01", "a", Start.AddMinutes(3));

        var steps = ReviewFacts.Steps(run);

        Assert.Equal([StepOutcome.Late, null, null, null], steps.Select(s => s.Outcome));
        Assert.Equal(new ReviewCounts(Done: 0, Late: 1, Missed: 0, NotYetDone: 3), ReviewFacts.Count(steps));
    }

    [Fact]
    public void Participants_are_everyone_who_ticked_and_every_named_signer_each_once()
    {
        var run = Run(RunKind.Incident);
        run.Tick("P1-01", "manager@arenaplus.example", Start.AddMinutes(1));
        run.Tick("P1-02", "Manager@ArenaPlus.example", Start.AddMinutes(2));
        run.Tick("P4-01", "security@arenaplus.example", Start.AddDays(1), signedOffBy: "Jana Nováková");
        run.Tick("P5-01", "security@arenaplus.example", Start.AddDays(2), signedOffBy: "Petr Svoboda");

        var participants = ReviewFacts.Participants(run);

        Assert.Equal(4, participants.Count);
        Assert.Contains("Jana Nováková", participants);
        Assert.Contains("Petr Svoboda", participants);
        Assert.Contains("security@arenaplus.example", participants);
        Assert.Single(participants, p => p.Equals("manager@arenaplus.example", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_incidents_reopening_criteria_are_its_P4_and_P5_steps_with_their_signers()
    {
        var run = Run(RunKind.Incident);
        run.Tick("P4-01", "security@arenaplus.example", Start.AddDays(1), signedOffBy: "Jana Nováková");

        var criteria = ReviewFacts.Criteria(run);

        Assert.Equal(["P4-01", "P5-01"], criteria.Select(c => c.Key));
        Assert.Equal("Jana Nováková", criteria[0].SignedOffBy);
        Assert.Equal(Start.AddDays(1), criteria[0].SignedAt);
        Assert.Null(criteria[1].SignedAt);
        Assert.Empty(ReviewFacts.Criteria(Run()));
    }

    [Theory]
    [InlineData(0, "00:00")]
    [InlineData(59, "00:59")]
    [InlineData(95, "01:35")]
    [InlineData(4503, "75:03")]
    [InlineData(-5, "00:00")]
    public void Elapsed_time_reads_as_minutes_and_seconds(int seconds, string expected) =>
        Assert.Equal(expected, ReviewFacts.Elapsed(seconds));

    [Fact]
    public void A_duration_splits_into_days_hours_and_minutes()
    {
        Assert.Equal((2, 3, 15), ReviewFacts.Parts(new TimeSpan(2, 3, 15, 59)));
        Assert.Equal((0, 0, 0), ReviewFacts.Parts(TimeSpan.FromMinutes(-3)));
    }
}
