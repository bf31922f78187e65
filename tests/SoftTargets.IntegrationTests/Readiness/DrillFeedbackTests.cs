using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.Core.Domain.Common;
using SoftTargets.IntegrationTests.Infrastructure;
using static SoftTargets.IntegrationTests.Readiness.ReadinessArrangement;

namespace SoftTargets.IntegrationTests.Readiness;

public sealed class DrillFeedbackTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_step_figures_equal_a_hand_count_of_the_finished_drills_leaving_out_incidents_and_unfinished_drills()
    {
        await ArrangeAsync(Fixture);

        var report = await Fixture.AsAsync<DrillFeedbackReport, DrillFeedback>(Editor, f => f.GetAsync());

        var steps = report.Steps.ToDictionary(s => s.Key);
        Assert.Equal((2, 1, 1, 0, 2.0), Figures(steps[Evacuate]));      // 90 s in time, 150 s late (target 2 min)
        Assert.Equal((2, 1, 1, 0, 3.0), Figures(steps[LockDown]));      // 240 s late, 120 s in time (target 3 min)
        Assert.Equal((2, 1, 0, 1, 10.0), Figures(steps[Inform]));       // exactly on its 10 min target is in time; once missed
        Assert.Equal((2, 1, 0, 1, 30.0), Figures(steps[Shelter]));      // no target: never late
        Assert.Equal((2, 2, 0, 0, 0.8), Figures(steps[SchoolEvacuate])); // a drill a year ago still tells how the step fares: 60 s and 30 s
        Assert.Equal(50.0m, steps[Inform].MissedShare);
        Assert.Equal(50.0m, steps[LockDown].LateShare);
        Assert.Equal((2, 3), (steps[LockDown].OpenItems, steps[LockDown].Items));
        Assert.Equal((0, 0), (steps[Evacuate].OpenItems, steps[Evacuate].Items));
        // The reopening criterion was done only in the incident: it has items but no drill.
        Assert.Equal((0, 0, 1), (steps[Reopen].Runs, steps[Reopen].OpenItems, steps[Reopen].Items));
        Assert.Null(steps[Reopen].MissedShare);
        Assert.Null(steps[Evacuate].Text); // not a step of the current methodology: its key alone
        var measure = Assert.Single(report.Measures, m => m.Key == Measure);
        Assert.Equal((1, 2), (measure.OpenItems, measure.Items));
    }

    [Fact]
    [ReadsOnly]
    public async Task Every_drillable_step_of_the_current_methodology_is_listed_with_its_text_and_phase_in_the_methodology_order()
    {
        var report = await Fixture.AsAsync<DrillFeedbackReport, DrillFeedback>(Auditor, f => f.GetAsync());

        var arson = report.Steps.Where(s => s.PlaybookKey == "PB-ARSON").ToList();
        Assert.NotEmpty(arson);
        Assert.All(arson, s => Assert.InRange(s.Phase!.Value, IncidentPhase.P1, IncidentPhase.P3));
        Assert.Equal("PB-ARSON-P1-01", arson[0].Key);
        Assert.False(string.IsNullOrWhiteSpace(arson[0].Text?.En));
        Assert.False(string.IsNullOrWhiteSpace(arson[0].Text?.Cs));
    }

    [Fact]
    [ReadsOnly]
    public async Task Venue_managers_and_administrators_are_refused_the_feedback()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<DrillFeedbackReport, DrillFeedback>(ArenaManager, f => f.GetAsync()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<DrillFeedbackReport, DrillFeedback>(Administrator, f => f.GetAsync()));
    }

    private static (int Runs, int Done, int Late, int Missed, double? Minutes) Figures(StepFeedback step) =>
        (step.Runs, step.Done, step.Late, step.Missed, step.MeanElapsedMinutes);
}
