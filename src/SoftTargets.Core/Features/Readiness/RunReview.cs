using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.Core.Features.Readiness;

/// <summary>The after-action review of one run, as its page shows it.</summary>
public sealed record RunReviewView(
    Guid RunId, Guid SiteId, string SiteName, RunKind Kind, LocalizedText ThreatName, string ZoneName, string Scenario,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, bool CanChange,
    IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<StepResult> Steps, ReviewCounts Counts,
    IReadOnlyList<string> Participants, int? Headcount, string Lessons, uint Version,
    IncidentReview? Incident, IReadOnlyList<ReviewChoice> Measures)
{
    public bool IsFinished => FinishedAt is not null;
}

/// <summary>What an incident adds to the review: its outcome and casualties, the reopening criteria and the time to reopen.</summary>
public sealed record IncidentReview(string Outcome, int? Injured, int? Fatalities, IReadOnlyList<ReopeningCriterion> Criteria, TimeSpan? TimeToReopen);

/// <summary>A plan measure (or a run's step) an improvement item may concern, by key.</summary>
public sealed record ReviewChoice(string Key, LocalizedText Title);

/// <summary>
/// The after-action review of a drill or an incident: reads for whoever may see the site (a run of a site the caller
/// may not see reads as null, the same as one that does not exist), and the lessons saved by the site's venue managers.
/// </summary>
public sealed class RunReview(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, HybridCache cache)
{
    public async Task<RunReviewView?> GetAsync(Guid siteId, Guid runId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await SiteQueries.Visible(db, actor).Where(s => s.Id == siteId)
            .Select(s => new { s.Name, s.OrganizationId }).FirstOrDefaultAsync(ct);
        if (site is null) return null;
        var run = await db.PlaybookRuns.AsNoTracking().Include(r => r.Steps).FirstOrDefaultAsync(r => r.Id == runId && r.SiteId == siteId, ct);
        if (run is null) return null;

        var steps = ReviewFacts.Steps(run);
        var incident = run.Kind == RunKind.Incident
            ? new IncidentReview(run.Outcome, run.Injured, run.Fatalities, ReviewFacts.Criteria(run), run.TimeToReopen)
            : null;
        return new RunReviewView(run.Id, siteId, site.Name, run.Kind, run.ThreatName, run.ZoneName, run.Scenario, run.StartedAt, run.FinishedAt,
            actor.CanChangeSitesOf(site.OrganizationId), ReviewFacts.Timeline(run), steps, ReviewFacts.Count(steps), ReviewFacts.Participants(run),
            run.Headcount, run.Lessons, run.Version, incident, await PlanMeasuresAsync(db, cache, siteId, ct));
    }

    /// <summary>Saves the lessons and the headcount; a stale <paramref name="expectedVersion"/> is a conflict and saves nothing.</summary>
    public async Task<uint> SaveLessonsAsync(Guid runId, string lessons, int? headcount, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.PlaybookRuns.FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("The run");
        await DemandChangeAsync(db, actor, run.SiteId, ct);
        db.Entry(run).Property(r => r.Version).OriginalValue = expectedVersion;
        run.Review(lessons, headcount);
        await db.SaveConcurrentlyAsync(ct);
        return run.Version;
    }

    /// <summary>A venue manager of the owning organisation changes; an auditor is refused; anyone else finds nothing.</summary>
    internal static async Task DemandChangeAsync(SoftTargetsDbContext db, Actor actor, Guid siteId, CancellationToken ct)
    {
        var organizationId = await db.Sites.Where(s => s.Id == siteId).Select(s => (Guid?)s.OrganizationId).FirstOrDefaultAsync(ct);
        if (organizationId is not { } owner || !actor.CanReadSitesOf(owner)) throw new NotFoundException("The run");
        actor.Demand(actor.CanChangeSitesOf(owner));
    }

    /// <summary>The applicable measures of the site's latest plan, by key; none before a plan exists.</summary>
    internal static async Task<IReadOnlyList<ReviewChoice>> PlanMeasuresAsync(SoftTargetsDbContext db, HybridCache cache, Guid siteId, CancellationToken ct)
    {
        var plan = await db.SitePlans.AsNoTracking().Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision)
            .Select(p => new { p.MethodologyVersionId, p.Document }).FirstOrDefaultAsync(ct);
        if (plan is null) return [];
        var document = await PlanDocuments.ReadAsync(db, cache, plan.MethodologyVersionId, plan.Document, ct);
        return document.Applicable.Select(m => new ReviewChoice(m.Key, m.Title)).ToList();
    }
}
