using SoftTargets.Core.Domain.Readiness;

namespace SoftTargets.UnitTests.Domain.Readiness;

public class StepTimingTests
{
    private static readonly DateTimeOffset Start = PlaybookRunTests.Start;

    [Fact]
    public void Done_exactly_on_the_target_is_in_time_and_one_second_over_is_late()
    {
        Assert.Equal(StepOutcome.Done, StepTiming.OutcomeOf(5, 300));
        Assert.Equal(StepOutcome.Late, StepTiming.OutcomeOf(5, 301));
    }

    [Fact]
    public void A_step_without_a_target_is_never_late_and_a_step_never_done_is_missed()
    {
        Assert.Equal(StepOutcome.Done, StepTiming.OutcomeOf(null, 86_400));
        Assert.Equal(StepOutcome.Missed, StepTiming.OutcomeOf(5, null));
        Assert.Equal(StepOutcome.Missed, StepTiming.OutcomeOf(null, null));
    }

    [Fact]
    public void Elapsed_time_counts_whole_seconds_from_the_start_and_never_goes_below_zero()
    {
        Assert.Equal(61, StepTiming.ElapsedSeconds(Start, Start.AddSeconds(61.9)));
        Assert.Equal(0, StepTiming.ElapsedSeconds(Start, Start.AddMinutes(-3)));
    }

    [Fact]
    public void An_undone_step_is_past_its_target_only_once_the_target_has_gone_by()
    {
        Assert.False(StepTiming.IsPastTarget(2, Start, Start.AddMinutes(2)));
        Assert.True(StepTiming.IsPastTarget(2, Start, Start.AddMinutes(2).AddSeconds(1)));
        Assert.False(StepTiming.IsPastTarget(null, Start, Start.AddDays(1)));
    }

    [Fact]
    public void A_tick_one_second_past_the_target_makes_the_step_late_when_the_run_finishes()
    {
        var run = PlaybookRunTests.Drill();
        run.Tick("p1-alarm", "Martin Provozní", Start.AddMinutes(2).AddSeconds(1));
        run.Tick("p2-evacuate", "Martin Provozní", Start.AddMinutes(10));
        run.Finish(Start.AddMinutes(20));

        Assert.Equal(StepOutcome.Late, run.Steps.Single(s => s.Key == "p1-alarm").Outcome);
        Assert.Equal(StepOutcome.Done, run.Steps.Single(s => s.Key == "p2-evacuate").Outcome);
    }
}
