using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.Core.Features.Readiness;

/// <summary>A site's drills and incidents, newest first; <see cref="CanRun"/> when the caller may start and run them.</summary>
public sealed record SiteRunsView(Guid SiteId, string SiteName, bool CanRun, IReadOnlyList<RunListItem> Runs);

/// <summary>One run in a site's list: late counts ticks past their target so far; missed is known once it has finished.</summary>
public sealed record RunListItem(Guid Id, RunKind Kind, LocalizedText ThreatName, string ZoneName, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, int Done, int Total, int Late, int Missed);

/// <summary>A run as its runner page shows it, steps in phase order.</summary>
public sealed record RunView(Guid Id, Guid SiteId, string SiteName, RunKind Kind, LocalizedText ThreatName, string ZoneName, string Scenario,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Outcome, int? Injured, int? Fatalities, bool CanRun,
    IReadOnlyList<RunStepView> Steps, RunStamp Stamp)
{
    public bool IsFinished => FinishedAt is not null;

    /// <summary>An incident returns to routine only when every reopening criterion is signed off.</summary>
    public bool HasUnsignedCriteria => Steps.Any(s => s.IsReopeningCriterion && s.DoneAt is null);
}

public sealed record RunStepView(string Key, IncidentPhase Phase, int Order, Procedure Procedure, LocalizedText RoleName, int? TargetMinutes,
    LocalizedText Text, DateTimeOffset? DoneAt, string DoneBy, int? ElapsedSeconds, string SignedOffBy, string Note, StepOutcome? Outcome,
    bool IsReopeningCriterion)
{
    /// <summary>Not yet done and its target has passed (<see cref="StepTiming"/>): the runner marks it.</summary>
    public bool IsPastTarget(DateTimeOffset start, DateTimeOffset now) => DoneAt is null && StepTiming.IsPastTarget(TargetMinutes, start, now);

    public bool IsLate => ElapsedSeconds is { } elapsed && StepTiming.IsLate(TargetMinutes, elapsed);
}

/// <summary>A cheap fingerprint of a run's state: it changes whenever the run or any of its steps is saved.</summary>
public sealed record RunStamp(DateTimeOffset UpdatedAt, int Ticked);

/// <summary>What a run may start from: the playbooks of the site's latest plan and the site's zones.</summary>
public sealed record RunStartOptions(IReadOnlyList<PlaybookOption> Playbooks, IReadOnlyList<string> Zones);

public sealed record PlaybookOption(string Key, string Threat, LocalizedText ThreatName, int DrillSteps, int IncidentSteps);

/// <summary>
/// Reads of drills and incidents for whoever reads the site (its organisation's venue managers, auditors); a site or
/// run the caller may not see reads as null, the same as one that does not exist.
/// </summary>
public sealed class RunQueries(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, HybridCache cache)
{
    public async Task<SiteRunsView?> ListForSiteAsync(Guid siteId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await SiteQueries.Visible(db, actor).Where(s => s.Id == siteId).Select(s => new { s.Name, s.OrganizationId }).FirstOrDefaultAsync(ct);
        if (site is null) return null;
        var runs = await db.PlaybookRuns.AsNoTracking().Where(r => r.SiteId == siteId)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Select(r => new RunListItem(r.Id, r.Kind, r.ThreatName, r.ZoneName, r.StartedAt, r.FinishedAt,
                r.Steps.Count(s => s.DoneAt != null), r.Steps.Count(),
                r.Steps.Count(s => s.TargetMinutes != null && s.ElapsedSeconds > s.TargetMinutes * 60),
                r.Steps.Count(s => s.Outcome == StepOutcome.Missed)))
            .ToListAsync(ct);
        return new SiteRunsView(siteId, site.Name, RunService.MayRun(actor, site.OrganizationId), runs);
    }

    /// <summary>The run with its steps in order (phase, then the playbook's order), or null.</summary>
    public async Task<RunView?> GetAsync(Guid runId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (from r in db.PlaybookRuns.AsNoTracking().Include(r => r.Steps)
                           join s in SiteQueries.Visible(db, actor) on r.SiteId equals s.Id
                           where r.Id == runId
                           select new { Run = r, SiteName = s.Name, s.OrganizationId }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var run = found.Run;
        var steps = run.Steps.OrderBy(s => s.Phase).ThenBy(s => s.Order)
            .Select(s => new RunStepView(s.Key, s.Phase, s.Order, s.Procedure, s.RoleName, s.TargetMinutes, s.Text, s.DoneAt, s.DoneBy,
                s.ElapsedSeconds, s.SignedOffBy, s.Note, s.Outcome, PlaybookRun.IsReopeningCriterion(run.Kind, s.Phase)))
            .ToList();
        var updated = run.Steps.Select(s => s.UpdatedAt).Append(run.UpdatedAt).Max();
        return new RunView(run.Id, run.SiteId, found.SiteName, run.Kind, run.ThreatName, run.ZoneName, run.Scenario, run.StartedAt, run.FinishedAt,
            run.Outcome, run.Injured, run.Fatalities, RunService.MayRun(actor, found.OrganizationId), steps,
            new RunStamp(updated, steps.Count(s => s.DoneAt is not null)));
    }

    /// <summary>The run's stamp, one small query: a runner page polls it and reloads the run when it changes. Null when not visible.</summary>
    public async Task<RunStamp?> GetStampAsync(Guid runId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = SiteQueries.Visible(db, actor).Select(s => s.Id);
        var stamp = await db.PlaybookRuns.Where(r => r.Id == runId && visible.Contains(r.SiteId))
            .Select(r => new
            {
                r.UpdatedAt,
                Steps = r.Steps.Max(s => (DateTimeOffset?)s.UpdatedAt),
                Ticked = r.Steps.Count(s => s.DoneAt != null),
            })
            .FirstOrDefaultAsync(ct);
        if (stamp is null) return null;
        return new RunStamp(stamp.Steps is { } steps && steps > stamp.UpdatedAt ? steps : stamp.UpdatedAt, stamp.Ticked);
    }

    /// <summary>The playbooks of the site's latest plan and its zones; empty playbooks before a first plan; null when not visible.</summary>
    public async Task<RunStartOptions?> GetStartOptionsAsync(Guid siteId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zones = await SiteQueries.Visible(db, actor).Where(s => s.Id == siteId)
            .Select(s => s.Zones.OrderBy(z => z.Name).Select(z => z.Name).ToList()).FirstOrDefaultAsync(ct);
        if (zones is null) return null;
        var plan = await db.SitePlans.AsNoTracking().Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision)
            .Select(p => new { p.MethodologyVersionId, p.Document }).FirstOrDefaultAsync(ct);
        var document = plan is null ? null : await PlanDocuments.ReadAsync(db, cache, plan.MethodologyVersionId, plan.Document, ct);
        var playbooks = (document?.Playbooks ?? []).Select(p => new PlaybookOption(p.Key, p.Threat, p.ThreatName,
            p.Steps.Count(s => PlaybookRun.Covers(RunKind.Drill, s.Phase)), p.Steps.Count(s => PlaybookRun.Covers(RunKind.Incident, s.Phase)))).ToList();
        return new RunStartOptions(playbooks, zones);
    }
}
