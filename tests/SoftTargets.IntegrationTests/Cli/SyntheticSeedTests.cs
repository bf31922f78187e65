using SoftTargets.Core.Domain.Readiness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Web.Cli;

namespace SoftTargets.IntegrationTests.Cli;

public sealed class SyntheticSeedTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Seed_synthetic_adds_sites_with_plans_measures_in_every_state_drills_and_findings_and_leaves_real_sites_alone()
    {
        await using var before = Fixture.NewDbContext();
        var realPlans = await before.SitePlans.CountAsync();
        var output = new StringWriter();

        var exit = await CommandLine.RunAsync(Fixture.Factory.Services, ["seed-synthetic", "--sites", "40"], output: output, error: new StringWriter());

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Contains("Added 40 synthetic sites", output.ToString());
        await using var db = Fixture.NewDbContext();
        var synthetic = db.Sites.Where(s => s.CreatedBy == SyntheticSeeder.By);
        Assert.Equal(40, await synthetic.CountAsync());
        Assert.Equal(40, await db.SitePlans.CountAsync(p => synthetic.Any(s => s.Id == p.SiteId)));
        Assert.Equal(realPlans, await db.SitePlans.CountAsync(p => !synthetic.Any(s => s.Id == p.SiteId)));
        var states = await db.PlanMeasures.Where(m => synthetic.Any(s => s.Id == m.SiteId)).Select(m => m.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<MeasureStatus>().Order(), states.Order());
        Assert.True(await db.PlanMeasures.AnyAsync(m => synthetic.Any(s => s.Id == m.SiteId) && m.Status == MeasureStatus.NotApplicable && m.Justification != ""));
        Assert.True(await db.PlaybookRuns.AnyAsync(d => d.Kind == RunKind.Drill && synthetic.Any(s => s.Id == d.SiteId)));
        // Every synthetic drill is finished with its playbook's P1–P3 steps, each with the outcome its timing gives.
        var steps = await db.RunSteps.Where(st => db.PlaybookRuns.Any(d => d.Id == st.RunId && synthetic.Any(s => s.Id == d.SiteId))).ToListAsync();
        Assert.False(await db.PlaybookRuns.AnyAsync(d => synthetic.Any(s => s.Id == d.SiteId) && !db.RunSteps.Any(st => st.RunId == d.Id)));
        Assert.All(steps, st => Assert.Equal(StepTiming.OutcomeOf(st.TargetMinutes, st.ElapsedSeconds), st.Outcome));
        Assert.All(steps, st => Assert.InRange(st.Phase, IncidentPhase.P1, IncidentPhase.P3));
        Assert.Equal(Enum.GetValues<StepOutcome>().Order(), steps.Select(st => st.Outcome!.Value).Distinct().Order());
        Assert.All(steps.Where(st => st.DoneAt is not null), st => Assert.NotNull(st.ElapsedSeconds));
        // Each keeps the procedures of its done steps, as Finish sets them.
        var kept = await db.PlaybookRuns.Where(d => synthetic.Any(s => s.Id == d.SiteId)).ToDictionaryAsync(d => d.Id, d => d.DoneProcedures);
        Assert.All(steps.GroupBy(st => st.RunId), run => Assert.Equal(PlaybookRun.ProceduresDone(run), kept[run.Key]));
        Assert.Contains(kept.Values, flags => flags != ProcedureFlags.None);
        var findingStates = await db.Findings.Where(f => synthetic.Any(s => s.Id == f.SiteId)).Select(f => f.Status).Distinct().CountAsync();
        Assert.True(findingStates >= 2, $"Synthetic findings should come in several states, got {findingStates}.");
    }

    [Theory]
    [InlineData("seed-synthetic")]
    [InlineData("seed-synthetic --sites many")]
    [InlineData("seed-synthetic --sites 0")]
    public async Task A_missing_or_wrong_count_is_a_usage_error_and_adds_nothing(string command)
    {
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(Fixture.Factory.Services, command.Split(' '), output: new StringWriter(), error: error);

        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains("Usage: seed-synthetic --sites", error.ToString());
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.Sites.AnyAsync(s => s.CreatedBy == SyntheticSeeder.By));
    }
}
