using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.Core.Features.Readiness;

/// <summary>
/// What starting a run asks for: the playbook of the site's latest plan (its threat is the scenario's type), the
/// zone (empty for the whole site), a description, and for an incident when it happened (null: now).
/// </summary>
public sealed record RunStart(RunKind Kind, string PlaybookKey, string? ZoneName, string? Scenario, DateTimeOffset? StartedAt = null);

/// <summary>
/// Drills and incidents of a site: starting them from the latest plan, ticking steps, notes, finishing, and an
/// incident's record. Only venue managers of the site's organisation run them; auditors read them (see
/// <see cref="RunQueries"/>); another organisation's site or run does not exist for the caller.
/// </summary>
public sealed class RunService(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, HybridCache cache)
{
    /// <summary>The one rule of who runs a site's drills and incidents: a venue manager of the organisation that owns the site.</summary>
    public static bool MayRun(Actor actor, Guid siteOrganizationId) =>
        actor.IsSystem || (actor.IsIn(Roles.VenueManager) && actor.OrganizationId == siteOrganizationId);

    public async Task<Guid> StartAsync(Guid siteId, RunStart input, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await SiteQueries.Visible(db, actor).Where(s => s.Id == siteId)
            .Select(s => new { s.OrganizationId, Zones = s.Zones.Select(z => z.Name).ToList() }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The site");
        actor.Demand(MayRun(actor, site.OrganizationId));

        var plan = await db.SitePlans.AsNoTracking().Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision)
            .Select(p => new { p.Revision, p.MethodologyVersionId, p.Document }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var problems = new Dictionary<string, LocalizedText>();
        var document = plan is null ? null : await PlanDocuments.ReadAsync(db, cache, plan.MethodologyVersionId, plan.Document, ct);
        var playbook = document?.Playbooks.FirstOrDefault(p => p.Key == input.PlaybookKey);
        if (playbook is null) problems[nameof(RunStart.PlaybookKey)] = RunMessages.PlaybookRequired;
        var zone = (input.ZoneName ?? "").Trim();
        if (zone.Length > 0 && !site.Zones.Contains(zone, StringComparer.Ordinal)) problems[nameof(RunStart.ZoneName)] = RunMessages.ZoneNotOnSite;
        if ((input.Scenario ?? "").Trim().Length > RunMessages.MaxScenarioLength) problems[nameof(RunStart.Scenario)] = RunMessages.ScenarioTooLong;
        var startedAt = input.Kind == RunKind.Incident && input.StartedAt is { } at ? at.ToUniversalTime() : now;
        if (startedAt > now) problems[nameof(RunStart.StartedAt)] = RunMessages.StartInFuture;
        if (problems.Count > 0) throw ValidationFailedException.From(problems);

        var run = new PlaybookRun(input.Kind, siteId, plan!.MethodologyVersionId, plan.Revision, playbook!, zone, input.Scenario ?? "", startedAt);
        db.PlaybookRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    /// <summary>
    /// Marks the step done now by the caller. Idempotent: a step already done keeps its first tick and this returns
    /// false, also when someone else ticked it at the same instant (their row won; this one records nothing).
    /// </summary>
    public async Task<bool> TickAsync(Guid runId, string stepKey, string? signedOffBy = null, CancellationToken ct = default)
    {
        var (actor, db, run) = await OpenForChangeAsync(runId, ct);
        await using (db)
        {
            var by = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            if (!run.Tick(stepKey, string.IsNullOrWhiteSpace(by) ? actor.UserName : by, clock.GetUtcNow(), signedOffBy)) return false;
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateConcurrencyException ex)
            {
                // Two people ticked the same step at once: the other tick stands, and that is the one tick.
                // Any other change to the step in between (an untick, a note) is a conflict to show.
                if (await db.RunSteps.AsNoTracking().AnyAsync(s => s.RunId == runId && s.Key == stepKey && s.DoneAt != null, ct)) return false;
                throw new ConcurrencyConflictException(ex);
            }
        }
    }

    /// <summary>Takes a tick back while the run goes on; false when the step was not done.</summary>
    public async Task<bool> UntickAsync(Guid runId, string stepKey, CancellationToken ct = default)
    {
        var (_, db, run) = await OpenForChangeAsync(runId, ct);
        await using (db)
        {
            if (!run.Untick(stepKey)) return false;
            await db.SaveConcurrentlyAsync(ct);
            return true;
        }
    }

    public async Task NoteAsync(Guid runId, string stepKey, string note, CancellationToken ct = default)
    {
        var (_, db, run) = await OpenForChangeAsync(runId, ct);
        await using (db)
        {
            run.Note(stepKey, note);
            await db.SaveConcurrentlyAsync(ct);
        }
    }

    /// <summary>Ends a drill, or returns an incident's site to routine (refused while a reopening criterion is unsigned).</summary>
    public async Task FinishAsync(Guid runId, CancellationToken ct = default)
    {
        var (_, db, run) = await OpenForChangeAsync(runId, ct);
        await using (db)
        {
            run.Finish(clock.GetUtcNow());
            await db.SaveConcurrentlyAsync(ct);
        }
    }

    /// <summary>An incident's outcome and casualties (each optional), during the response or after it.</summary>
    public async Task RecordOutcomeAsync(Guid runId, string outcome, int? injured, int? fatalities, CancellationToken ct = default)
    {
        var (_, db, run) = await OpenForChangeAsync(runId, ct);
        await using (db)
        {
            run.RecordOutcome(outcome, injured, fatalities);
            await db.SaveConcurrentlyAsync(ct);
        }
    }

    /// <summary>The run with its steps, tracked; NotFound unless the caller reads its site, AccessDenied unless they run it.</summary>
    private async Task<(Actor, SoftTargetsDbContext, PlaybookRun)> OpenForChangeAsync(Guid runId, CancellationToken ct, [CallerMemberName] string operation = "")
    {
        var actor = await currentUser.GetAsync(ct);
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            var organizationId = await (from r in db.PlaybookRuns
                                        join s in SiteQueries.Visible(db, actor) on r.SiteId equals s.Id
                                        where r.Id == runId
                                        select (Guid?)s.OrganizationId).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("The run");
            actor.Demand(MayRun(actor, organizationId), operation);
            var run = await db.PlaybookRuns.Include(r => r.Steps).SingleAsync(r => r.Id == runId, ct);
            return (actor, db, run);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
