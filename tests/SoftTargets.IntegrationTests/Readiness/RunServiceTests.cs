using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.IntegrationTests.Readiness;

public sealed class RunServiceTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Stadium = "Slezská aréna";
    private const string SecondArenaManager = "security@arenaplus.example";

    [Fact]
    public async Task A_drill_starts_from_a_playbook_of_the_sites_latest_plan_with_its_P1_to_P3_steps()
    {
        var siteId = await SiteIdAsync(Stadium);
        var options = (await Fixture.AsAsync<RunStartOptions?, RunQueries>(ArenaManager, q => q.GetStartOptionsAsync(siteId)))!;
        var playbook = options.Playbooks[0];
        await using (var db = Fixture.NewDbContext())
        {
            var latest = await db.SitePlans.Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision).FirstAsync();
            Assert.Equal((await PlanDocuments.ReadAsync(db, latest)).Playbooks.Select(p => p.Key), options.Playbooks.Select(p => p.Key));
        }

        var runId = await Fixture.AsAsync<Guid, RunService>(ArenaManager,
            s => s.StartAsync(siteId, new RunStart(RunKind.Drill, playbook.Key, options.Zones[0], "Smoke in the north stand")));

        var run = (await Fixture.AsAsync<RunView?, RunQueries>(ArenaManager, q => q.GetAsync(runId)))!;
        Assert.Equal(playbook.ThreatName, run.ThreatName);
        Assert.Equal(options.Zones[0], run.ZoneName);
        Assert.Equal(playbook.DrillSteps, run.Steps.Count);
        Assert.All(run.Steps, s => Assert.InRange(s.Phase, IncidentPhase.P1, IncidentPhase.P3));
        Assert.Equal(run.Steps.OrderBy(s => s.Phase).ThenBy(s => s.Order).Select(s => s.Key), run.Steps.Select(s => s.Key));
        Assert.True(run.CanRun);
        var runs = (await Fixture.AsAsync<SiteRunsView?, RunQueries>(Auditor, q => q.ListForSiteAsync(siteId)))!.Runs;
        Assert.Equal(runId, runs[0].Id);
        var listed = Assert.Single(runs, r => r.Id == runId);
        Assert.Equal((runId, 0, run.Steps.Count), (listed.Id, listed.Done, listed.Total));
    }

    [Fact]
    public async Task A_run_starts_from_the_latest_plan_revision_and_its_playbooks()
    {
        var siteId = await SiteIdAsync(Stadium);
        var version = await SiteVersionAsync(siteId);
        await Fixture.AsAsync<ThreatAssessment>(ArenaManager, t => t.SaveAsync(siteId, new ThreatInput("ied", 2, 5, 2, 4, "Bag checks at the gates."), version));
        var revision = await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(siteId));
        Assert.True(revision > 1);

        var options = (await Fixture.AsAsync<RunStartOptions?, RunQueries>(ArenaManager, q => q.GetStartOptionsAsync(siteId)))!;
        var ied = Assert.Single(options.Playbooks, p => p.Threat == "ied");
        var runId = await Fixture.AsAsync<Guid, RunService>(ArenaManager, s => s.StartAsync(siteId, new RunStart(RunKind.Drill, ied.Key, null, null)));

        await using var db = Fixture.NewDbContext();
        var run = await db.PlaybookRuns.SingleAsync(r => r.Id == runId);
        Assert.Equal((revision, "ied"), (run.PlanRevision, run.ThreatKey));
    }

    [Fact]
    public async Task Starting_refuses_an_unknown_playbook_a_zone_of_no_site_and_an_incident_in_the_future_at_their_fields()
    {
        var siteId = await SiteIdAsync(Stadium);
        await using var db = Fixture.NewDbContext();
        var before = await db.PlaybookRuns.CountAsync(r => r.SiteId == siteId);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<Guid, RunService>(ArenaManager,
            s => s.StartAsync(siteId, new RunStart(RunKind.Incident, "no-such-playbook", "Moon base", "", DateTimeOffset.UtcNow.AddHours(1)))));

        Assert.Equal(RunMessages.PlaybookRequired, refused.Problems[nameof(RunStart.PlaybookKey)]);
        Assert.Equal(RunMessages.ZoneNotOnSite, refused.Problems[nameof(RunStart.ZoneName)]);
        Assert.Equal(RunMessages.StartInFuture, refused.Problems[nameof(RunStart.StartedAt)]);
        Assert.Equal(before, await db.PlaybookRuns.CountAsync(r => r.SiteId == siteId));
    }

    [Fact]
    public async Task A_double_tick_records_one_tick_and_one_audit_row()
    {
        var (runId, step) = await StartDrillAsync();

        Assert.True(await Fixture.AsAsync<bool, RunService>(ArenaManager, s => s.TickAsync(runId, step)));
        Assert.False(await Fixture.AsAsync<bool, RunService>(SecondArenaManager, s => s.TickAsync(runId, step)));

        var run = (await Fixture.AsAsync<RunView?, RunQueries>(Auditor, q => q.GetAsync(runId)))!;
        var ticked = Assert.Single(run.Steps, s => s.DoneAt is not null);
        Assert.Equal("Martin Provozní", ticked.DoneBy);
        Assert.Equal(1, run.Stamp.Ticked);
        Assert.Equal(1, await StepAuditRowsAsync(runId, step));
    }

    [Fact]
    public async Task Two_people_ticking_the_same_step_at_once_record_one_tick_and_neither_sees_an_error()
    {
        var (runId, _) = await StartDrillAsync();
        var keys = (await Fixture.AsAsync<RunView?, RunQueries>(ArenaManager, q => q.GetAsync(runId)))!.Steps.Select(s => s.Key).ToList();

        foreach (var key in keys)
        {
            var results = await Task.WhenAll(
                Task.Run(() => Fixture.AsAsync<bool, RunService>(ArenaManager, s => s.TickAsync(runId, key))),
                Task.Run(() => Fixture.AsAsync<bool, RunService>(SecondArenaManager, s => s.TickAsync(runId, key))));
            Assert.Single(results, recorded => recorded);
            Assert.Equal(1, await StepAuditRowsAsync(runId, key));
        }
    }

    [Fact]
    public async Task A_tick_can_be_taken_back_and_a_note_kept_while_the_drill_runs()
    {
        var (runId, step) = await StartDrillAsync();
        await Fixture.AsAsync<RunService>(ArenaManager, s => s.TickAsync(runId, step));
        var before = (await Fixture.AsAsync<RunStamp?, RunQueries>(ArenaManager, q => q.GetStampAsync(runId)))!;

        Assert.True(await Fixture.AsAsync<bool, RunService>(SecondArenaManager, s => s.UntickAsync(runId, step)));
        await Fixture.AsAsync<RunService>(SecondArenaManager, s => s.NoteAsync(runId, step, "  Siren in hall B stayed silent "));

        var after = (await Fixture.AsAsync<RunStamp?, RunQueries>(ArenaManager, q => q.GetStampAsync(runId)))!;
        Assert.NotEqual(before, after);
        Assert.Equal(0, after.Ticked);
        var shown = (await Fixture.AsAsync<RunView?, RunQueries>(ArenaManager, q => q.GetAsync(runId)))!.Steps.Single(s => s.Key == step);
        Assert.Null(shown.DoneAt);
        Assert.Equal("Siren in hall B stayed silent", shown.Note);
    }

    [Fact]
    public async Task Another_organisations_manager_finds_neither_the_run_nor_the_sites_runs()
    {
        var (runId, step) = await StartDrillAsync();
        var siteId = await SiteIdAsync(Stadium);

        Assert.Null(await Fixture.AsAsync<RunView?, RunQueries>(SchoolManager, q => q.GetAsync(runId)));
        Assert.Null(await Fixture.AsAsync<RunStamp?, RunQueries>(SchoolManager, q => q.GetStampAsync(runId)));
        Assert.Null(await Fixture.AsAsync<SiteRunsView?, RunQueries>(SchoolManager, q => q.ListForSiteAsync(siteId)));
        Assert.Null(await Fixture.AsAsync<RunStartOptions?, RunQueries>(SchoolManager, q => q.GetStartOptionsAsync(siteId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<bool, RunService>(SchoolManager, s => s.TickAsync(runId, step)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<RunService>(SchoolManager, s => s.FinishAsync(runId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<Guid, RunService>(SchoolManager,
            s => s.StartAsync(siteId, new RunStart(RunKind.Drill, "any", null, null))));
    }

    [Fact]
    public async Task An_auditor_reads_the_run_but_may_not_tick_note_or_finish_it()
    {
        var (runId, step) = await StartDrillAsync();

        var run = await Fixture.AsAsync<RunView?, RunQueries>(Auditor, q => q.GetAsync(runId));
        Assert.NotNull(run);
        Assert.False(run.CanRun);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<bool, RunService>(Auditor, s => s.TickAsync(runId, step)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<RunService>(Auditor, s => s.NoteAsync(runId, step, "no")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<RunService>(Auditor, s => s.FinishAsync(runId)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<Guid, RunService>(Auditor,
            s => s.StartAsync(run.SiteId, new RunStart(RunKind.Drill, "any", null, null))));
    }

    [Fact]
    public async Task An_incident_returns_to_routine_only_when_every_reopening_criterion_is_signed_and_auditors_read_its_record()
    {
        var siteId = await SiteIdAsync(Stadium);
        var options = (await Fixture.AsAsync<RunStartOptions?, RunQueries>(ArenaManager, q => q.GetStartOptionsAsync(siteId)))!;
        var playbook = options.Playbooks.First(p => p.IncidentSteps > p.DrillSteps);
        var happened = DateTimeOffset.UtcNow.AddMinutes(-45);
        var runId = await Fixture.AsAsync<Guid, RunService>(ArenaManager,
            s => s.StartAsync(siteId, new RunStart(RunKind.Incident, playbook.Key, null, "Suspicious bag at gate C", happened)));
        await Fixture.AsAsync<RunService>(ArenaManager, s => s.RecordOutcomeAsync(runId, "Bag cleared by the police; no device.", 2, 0));
        var criteria = (await Fixture.AsAsync<RunView?, RunQueries>(ArenaManager, q => q.GetAsync(runId)))!.Steps.Where(s => s.IsReopeningCriterion).ToList();
        Assert.NotEmpty(criteria);
        Assert.All(criteria, c => Assert.InRange(c.Phase, IncidentPhase.P4, IncidentPhase.P5));

        var unsignedTick = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<bool, RunService>(ArenaManager, s => s.TickAsync(runId, criteria[0].Key)));
        Assert.Equal(RunMessages.SignOffNameRequired, unsignedTick.Problems["SignedOffBy"]);
        foreach (var criterion in criteria.Skip(1))
            await Fixture.AsAsync<RunService>(ArenaManager, s => s.TickAsync(runId, criterion.Key, "Ing. Jan Novák"));
        var early = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<RunService>(ArenaManager, s => s.FinishAsync(runId)));
        Assert.Equal(RunMessages.UnsignedCriteria, early.Problems["Steps"]);

        await Fixture.AsAsync<RunService>(SecondArenaManager, s => s.TickAsync(runId, criteria[0].Key, "Mgr. Eva Malá"));
        await Fixture.AsAsync<RunService>(ArenaManager, s => s.FinishAsync(runId));

        var record = (await Fixture.AsAsync<RunView?, RunQueries>(Auditor, q => q.GetAsync(runId)))!;
        Assert.True(record.IsFinished);
        Assert.Equal(("Bag cleared by the police; no device.", 2, 0), (record.Outcome, record.Injured!.Value, record.Fatalities!.Value));
        Assert.Equal("Mgr. Eva Malá", record.Steps.Single(s => s.Key == criteria[0].Key).SignedOffBy);
        Assert.Equal(happened.ToUnixTimeSeconds(), record.StartedAt.ToUnixTimeSeconds());
        Assert.All(record.Steps.Where(s => s.DoneAt is null), s => Assert.Equal(StepOutcome.Missed, s.Outcome));
        var listed = Assert.Single((await Fixture.AsAsync<SiteRunsView?, RunQueries>(Auditor, q => q.ListForSiteAsync(siteId)))!.Runs, r => r.Id == runId);
        Assert.Equal(record.Steps.Count(s => s.DoneAt is null), listed.Missed);
        await Assert.ThrowsAsync<DomainException>(() => Fixture.AsAsync<bool, RunService>(ArenaManager, s => s.TickAsync(runId, record.Steps[0].Key)));
    }

    [Fact]
    public async Task A_drill_finishes_with_steps_undone_and_they_count_as_missed()
    {
        var (runId, step) = await StartDrillAsync();
        await Fixture.AsAsync<RunService>(ArenaManager, s => s.TickAsync(runId, step));

        await Fixture.AsAsync<RunService>(SecondArenaManager, s => s.FinishAsync(runId));

        var run = (await Fixture.AsAsync<RunView?, RunQueries>(ArenaManager, q => q.GetAsync(runId)))!;
        Assert.True(run.IsFinished);
        Assert.Equal(StepOutcome.Done, run.Steps.Single(s => s.Key == step).Outcome);
        Assert.All(run.Steps.Where(s => s.Key != step), s => Assert.Equal(StepOutcome.Missed, s.Outcome));
        await using (var db = Fixture.NewDbContext())
        {
            // The run keeps the procedures of its done steps, which the coverage figures read instead of the steps.
            var kept = await db.PlaybookRuns.Where(r => r.Id == runId).Select(r => r.DoneProcedures).SingleAsync();
            var done = await db.RunSteps.Where(s => s.RunId == runId && s.DoneAt != null).Select(s => s.Procedure).ToListAsync();
            Assert.NotEqual(ProcedureFlags.None, kept);
            Assert.Equal(ProcedureFlag.Of(done), kept);
        }
        var noRecord = await Assert.ThrowsAsync<DomainException>(() => Fixture.AsAsync<RunService>(ArenaManager, s => s.RecordOutcomeAsync(runId, "x", null, null)));
        Assert.Equal("NotAnIncident", noRecord.Code);
    }

    private async Task<(Guid RunId, string FirstStep)> StartDrillAsync()
    {
        var siteId = await SiteIdAsync(Stadium);
        var options = (await Fixture.AsAsync<RunStartOptions?, RunQueries>(ArenaManager, q => q.GetStartOptionsAsync(siteId)))!;
        var runId = await Fixture.AsAsync<Guid, RunService>(ArenaManager, s => s.StartAsync(siteId, new RunStart(RunKind.Drill, options.Playbooks[0].Key, null, null)));
        var step = (await Fixture.AsAsync<RunView?, RunQueries>(ArenaManager, q => q.GetAsync(runId)))!.Steps[0].Key;
        return (runId, step);
    }

    private async Task<int> StepAuditRowsAsync(Guid runId, string key)
    {
        await using var db = Fixture.NewDbContext();
        var stepId = (await db.RunSteps.SingleAsync(s => s.RunId == runId && s.Key == key)).Id.ToString();
        return await db.AuditLog.CountAsync(e => e.EntityType == nameof(RunStep) && e.EntityId == stepId && e.Action != Core.Domain.Audit.AuditAction.Created);
    }
}
