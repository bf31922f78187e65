using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;

namespace SoftTargets.UnitTests.Domain.Readiness;

public class PlaybookRunTests
{
    internal static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A playbook deliberately out of phase order, with a preparation step and steps of every phase.</summary>
    internal static readonly GuidelinePlaybook Playbook = new("pb-fire", "fire", new LocalizedText("Fire", "Požár"), 12,
    [
        Step("p2-evacuate", IncidentPhase.P2, 10),
        Step("p0-train", IncidentPhase.P0, null),
        Step("p1-alarm", IncidentPhase.P1, 2),
        Step("p3-account", IncidentPhase.P3, 30),
        Step("p4-clear", IncidentPhase.P4, null),
        Step("p5-reopen", IncidentPhase.P5, null),
    ]);

    internal static GuidelineStep Step(string key, IncidentPhase phase, int? target) =>
        new(key, phase, Procedure.Evacuation, "security-lead", new LocalizedText("Security lead", "Vedoucí ostrahy"), target,
            new LocalizedText($"Do {key}", $"Udělej {key}"), []);

    internal static PlaybookRun Drill() => new(RunKind.Drill, Guid.NewGuid(), Guid.NewGuid(), 1, Playbook, "Hall A", " Smoke in the hall ", Start);

    internal static PlaybookRun Incident() => new(RunKind.Incident, Guid.NewGuid(), Guid.NewGuid(), 1, Playbook, "", "", Start);

    [Fact]
    public void A_drill_copies_the_response_steps_P1_to_P3_in_the_playbooks_order_without_preparation()
    {
        var run = Drill();

        Assert.Equal(["p2-evacuate", "p1-alarm", "p3-account"], run.Steps.Select(s => s.Key));
        Assert.Equal([0, 1, 2], run.Steps.Select(s => s.Order));
        Assert.Equal("Smoke in the hall", run.Scenario);
        Assert.Equal(DateOnly.FromDateTime(Start.UtcDateTime), run.HeldOn);
    }

    [Fact]
    public void An_incident_copies_P1_to_P5_and_its_P4_and_P5_steps_are_reopening_criteria()
    {
        var run = Incident();

        Assert.Equal(["p2-evacuate", "p1-alarm", "p3-account", "p4-clear", "p5-reopen"], run.Steps.Select(s => s.Key));
        Assert.Equal(["p4-clear", "p5-reopen"], run.Steps.Where(s => PlaybookRun.IsReopeningCriterion(run.Kind, s.Phase)).Select(s => s.Key));
        Assert.False(PlaybookRun.IsReopeningCriterion(RunKind.Drill, IncidentPhase.P5));
    }

    [Fact]
    public void A_second_tick_of_a_done_step_is_ignored_and_keeps_the_first_time_and_person()
    {
        var run = Drill();

        Assert.True(run.Tick("p1-alarm", "Martin Provozní", Start.AddMinutes(1)));
        Assert.False(run.Tick("p1-alarm", "Petra Horáková", Start.AddMinutes(3)));

        var step = run.Steps.Single(s => s.Key == "p1-alarm");
        Assert.Equal(Start.AddMinutes(1), step.DoneAt);
        Assert.Equal("Martin Provozní", step.DoneBy);
        Assert.Equal(60, step.ElapsedSeconds);
    }

    [Fact]
    public void Steps_may_be_ticked_in_any_order()
    {
        var run = Drill();

        Assert.True(run.Tick("p3-account", "Martin Provozní", Start.AddMinutes(5)));
        Assert.True(run.Tick("p1-alarm", "Petra Horáková", Start.AddMinutes(6)));

        Assert.All(run.Steps.Where(s => s.Key != "p2-evacuate"), s => Assert.NotNull(s.DoneAt));
    }

    [Fact]
    public void An_untick_clears_the_tick_and_a_second_untick_does_nothing()
    {
        var run = Incident();
        run.Tick("p4-clear", "Martin Provozní", Start.AddMinutes(50), "Ing. Jan Novák");

        Assert.True(run.Untick("p4-clear"));
        Assert.False(run.Untick("p4-clear"));

        var step = run.Steps.Single(s => s.Key == "p4-clear");
        Assert.Null(step.DoneAt);
        Assert.Equal("", step.DoneBy);
        Assert.Null(step.ElapsedSeconds);
        Assert.Equal("", step.SignedOffBy);
    }

    [Fact]
    public void A_step_the_run_does_not_have_is_not_found()
    {
        Assert.Throws<NotFoundException>(() => Drill().Tick("p4-clear", "Martin Provozní", Start));
    }

    [Fact]
    public void A_drill_finishes_any_time_and_each_step_gets_done_late_or_missed()
    {
        var run = Drill();
        run.Tick("p1-alarm", "Martin Provozní", Start.AddMinutes(2));
        run.Tick("p3-account", "Martin Provozní", Start.AddMinutes(30).AddSeconds(1));

        run.Finish(Start.AddMinutes(40));

        Assert.Equal(Start.AddMinutes(40), run.FinishedAt);
        Assert.Equal(StepOutcome.Done, Outcome(run, "p1-alarm"));
        Assert.Equal(StepOutcome.Late, Outcome(run, "p3-account"));
        Assert.Equal(StepOutcome.Missed, Outcome(run, "p2-evacuate"));
        Assert.Null(run.TimeToReopen);
    }

    [Fact]
    public void A_finished_run_refuses_ticks_unticks_notes_and_a_second_finish()
    {
        var run = Drill();
        run.Tick("p1-alarm", "Martin Provozní", Start.AddMinutes(1));
        run.Finish(Start.AddMinutes(5));

        Assert.Equal("RunFinished", Assert.Throws<DomainException>(() => run.Tick("p2-evacuate", "Martin Provozní", Start.AddMinutes(6))).Code);
        Assert.Equal("RunFinished", Assert.Throws<DomainException>(() => run.Untick("p1-alarm")).Code);
        Assert.Equal("RunFinished", Assert.Throws<DomainException>(() => run.Note("p1-alarm", "late note")).Code);
        Assert.Equal("RunFinished", Assert.Throws<DomainException>(() => run.Finish(Start.AddMinutes(7))).Code);
    }

    [Fact]
    public void An_incident_does_not_return_to_routine_until_every_reopening_criterion_is_signed_off()
    {
        var run = Incident();
        run.Tick("p4-clear", "Martin Provozní", Start.AddMinutes(50), "Ing. Jan Novák");

        var refused = Assert.Throws<ValidationFailedException>(() => run.Finish(Start.AddHours(1)));
        Assert.Equal(RunMessages.UnsignedCriteria, refused.Problems["Steps"]);
        Assert.False(run.IsFinished);

        run.Tick("p5-reopen", "Martin Provozní", Start.AddMinutes(80), "Mgr. Eva Malá");
        run.Finish(Start.AddMinutes(90));

        Assert.Equal(TimeSpan.FromMinutes(90), run.TimeToReopen);
        Assert.Equal(StepOutcome.Missed, Outcome(run, "p1-alarm"));
    }

    [Fact]
    public void A_reopening_criterion_needs_a_named_person_who_signs_it_off()
    {
        var run = Incident();

        var missing = Assert.Throws<ValidationFailedException>(() => run.Tick("p5-reopen", "Martin Provozní", Start.AddMinutes(5), "   "));
        Assert.Equal(RunMessages.SignOffNameRequired, missing.Problems["SignedOffBy"]);
        var tooLong = Assert.Throws<ValidationFailedException>(() =>
            run.Tick("p5-reopen", "Martin Provozní", Start.AddMinutes(5), new string('x', RunMessages.MaxNameLength + 1)));
        Assert.Equal(RunMessages.NameTooLong, tooLong.Problems["SignedOffBy"]);
        Assert.Null(run.Steps.Single(s => s.Key == "p5-reopen").DoneAt);

        Assert.True(run.Tick("p5-reopen", "Martin Provozní", Start.AddMinutes(5), "  Ing. Jan Novák  "));
        Assert.Equal("Ing. Jan Novák", run.Steps.Single(s => s.Key == "p5-reopen").SignedOffBy);
    }

    [Fact]
    public void A_response_step_of_an_incident_needs_no_sign_off()
    {
        var run = Incident();

        Assert.True(run.Tick("p1-alarm", "Martin Provozní", Start.AddMinutes(1)));
        Assert.Equal("", run.Steps.Single(s => s.Key == "p1-alarm").SignedOffBy);
    }

    [Fact]
    public void A_note_is_trimmed_and_a_too_long_one_is_refused()
    {
        var run = Drill();

        run.Note("p1-alarm", "  Siren in hall B was silent  ");
        Assert.Equal("Siren in hall B was silent", run.Steps.Single(s => s.Key == "p1-alarm").Note);
        var refused = Assert.Throws<ValidationFailedException>(() => run.Note("p1-alarm", new string('x', RunMessages.MaxNoteLength + 1)));
        Assert.Equal(RunMessages.NoteTooLong, refused.Problems["Note"]);
    }

    [Fact]
    public void Only_an_incident_records_an_outcome_and_casualties_and_counts_are_never_negative()
    {
        var incident = Incident();
        incident.RecordOutcome("  Fire put out by the brigade  ", 2, 0);
        Assert.Equal(("Fire put out by the brigade", 2, 0), (incident.Outcome, incident.Injured!.Value, incident.Fatalities!.Value));

        var negative = Assert.Throws<ValidationFailedException>(() => incident.RecordOutcome("", -1, null));
        Assert.Equal(RunMessages.CountNegative, negative.Problems["Injured"]);
        Assert.Equal("NotAnIncident", Assert.Throws<DomainException>(() => Drill().RecordOutcome("", null, null)).Code);
    }

    private static StepOutcome? Outcome(PlaybookRun run, string key) => run.Steps.Single(s => s.Key == key).Outcome;
}
