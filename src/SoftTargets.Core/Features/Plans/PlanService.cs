using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Diff;
using SoftTargets.Core.Features.Plans.Storage;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Plans;

/// <summary>A newer published methodology than the one the site's plan follows, and what upgrading would change.</summary>
public sealed record PlanUpgrade(Guid FromVersionId, int FromNumber, Guid ToVersionId, int ToNumber, string ChangeNote,
    IReadOnlyList<string> Gained, IReadOnlyList<string> Lost, IReadOnlyList<string> Changed)
{
    /// <summary>The site would gain, lose or see a change in at least one measure: a newer version that changes nothing here is no news for the site.</summary>
    public bool ChangesPlan => Gained.Count + Lost.Count + Changed.Count > 0;
}

/// <summary>
/// Generates plan revisions. A revision is an immutable generated guideline; the tracked state of
/// each measure (status, owner, dates, evidence) lives in <see cref="PlanMeasure"/> by stable key and
/// carries over from one revision to the next.
/// </summary>
public sealed class PlanService(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, HybridCache cache)
{
    /// <summary>Regenerates the plan with the methodology version it follows (for a first plan, the newest published version of the site's methodology).</summary>
    public async Task<int> GenerateAsync(Guid siteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await LoadSiteAsync(db, siteId, ct);
        var latest = await LatestPlanAsync(db, siteId, ct);
        var version = latest is null
            ? await CurrentPublishedAsync(db, site.MethodologyId, ct)
            : await db.MethodologyVersions.AsNoTracking().SingleAsync(v => v.Id == latest.MethodologyVersionId, ct);
        return await SaveRevisionAsync(db, site, version, (latest?.Revision ?? 0) + 1, ct);
    }

    /// <summary>Moves the plan to the newest published version of the site's methodology.</summary>
    public async Task<int> UpgradeAsync(Guid siteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await LoadSiteAsync(db, siteId, ct);
        var latest = await LatestPlanAsync(db, siteId, ct);
        var version = await CurrentPublishedAsync(db, site.MethodologyId, ct);
        if (latest?.MethodologyVersionId == version.Id)
            throw new DomainException("PlanUpToDate", "The plan already follows the newest published methodology.");
        return await SaveRevisionAsync(db, site, version, (latest?.Revision ?? 0) + 1, ct);
    }

    /// <summary>What upgrading to the newest published version would change for this site, or null when the plan is up to date.</summary>
    public async Task<PlanUpgrade?> GetUpgradeAsync(Guid siteId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await SiteQueries.WithParts(SiteQueries.Visible(db, actor).AsNoTracking())
            .FirstOrDefaultAsync(s => s.Id == siteId, ct) ?? throw new NotFoundException("The site");
        var latest = await LatestPlanAsync(db, siteId, ct);
        if (latest is null) return null;
        var current = await db.MethodologyVersions.AsNoTracking().SingleAsync(v => v.Id == latest.MethodologyVersionId, ct);
        var newest = await CurrentPublishedAsync(db, site.MethodologyId, ct);
        return Compare(site, current, newest);
    }

    /// <summary>
    /// What moving the site's plan from <paramref name="current"/> to <paramref name="newest"/> would change, or null when they are the
    /// same version or versions of different methodologies. No access check: the caller has read the site.
    /// </summary>
    internal static PlanUpgrade? Compare(Site site, MethodologyVersion current, MethodologyVersion newest)
    {
        if (newest.Id == current.Id || newest.MethodologyId != current.MethodologyId) return null;

        var snapshot = SiteSnapshot.Of(site);
        var before = new GuidelineGenerator(current.Content, current.Id.ToString()).Generate(snapshot).Applicable.Select(m => m.Key).ToHashSet();
        var after = new GuidelineGenerator(newest.Content, newest.Id.ToString()).Generate(snapshot).Applicable.Select(m => m.Key).ToHashSet();
        var changedMeasures = MethodologyDiff.Compare(current.Content, newest.Content).For(DiffArea.Measure)
            .Where(e => e.Kind == ChangeKind.Changed).Select(e => e.Key).ToHashSet();
        return new PlanUpgrade(current.Id, current.Number, newest.Id, newest.Number, newest.ChangeNote,
            after.Except(before).Order(StringComparer.Ordinal).ToList(),
            before.Except(after).Order(StringComparer.Ordinal).ToList(),
            before.Intersect(after).Where(changedMeasures.Contains).Order(StringComparer.Ordinal).ToList());
    }

    private async Task<int> SaveRevisionAsync(SoftTargetsDbContext db, Site site, MethodologyVersion version, int revision, CancellationToken ct)
    {
        var snapshot = SiteSnapshot.Of(site);
        var guideline = new GuidelineGenerator(version.Content, version.Id.ToString()).Generate(snapshot);
        var document = PlanDocuments.Store(guideline, await PlanDocuments.TemplateAsync(db, cache, version.Id, ct), snapshot);
        db.SitePlans.Add(new SitePlan(site.Id, revision, version.Id, guideline.Tier ?? "", document, guideline.InputsHash));

        var tracked = await db.PlanMeasures.Where(m => m.SiteId == site.Id).ToDictionaryAsync(m => m.MeasureKey, ct);
        var changes = MeasureCarryOver.Decide(guideline, tracked.ToDictionary(t => t.Key, t => new TrackedApplicability(t.Value.IsApplicable, t.Value.Priority)));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var measure in changes.Added)
        {
            var added = new PlanMeasure(site.Id, measure.Key, measure.Priority, isApplicable: true);
            added.Assign("", null, measure.ReviewMonths, today.AddMonths(measure.ReviewMonths));
            db.PlanMeasures.Add(added);
        }
        foreach (var (key, isApplicable, priority) in changes.Changed) tracked[key].SetApplicability(isApplicable, priority);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ConcurrencyConflictException(ex);
        }
        return revision;
    }

    private async Task<Site> LoadSiteAsync(SoftTargetsDbContext db, Guid siteId, CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        var site = await SiteQueries.WithParts(SiteQueries.Visible(db, actor))
            .FirstOrDefaultAsync(s => s.Id == siteId, ct) ?? throw new NotFoundException("The site");
        actor.Demand(actor.CanChangeSitesOf(site.OrganizationId));
        return site;
    }

    private static Task<PlanHead?> LatestPlanAsync(SoftTargetsDbContext db, Guid siteId, CancellationToken ct) =>
        db.SitePlans.Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision)
            .Select(p => new PlanHead(p.Revision, p.MethodologyVersionId)).FirstOrDefaultAsync(ct);

    private sealed record PlanHead(int Revision, Guid MethodologyVersionId);

    private static async Task<MethodologyVersion> CurrentPublishedAsync(SoftTargetsDbContext db, Guid methodologyId, CancellationToken ct) =>
        await db.CurrentPublishedAsync(methodologyId, ct)
        ?? throw new DomainException("NoMethodology", "No methodology is published yet: ask the ministry's methodology editors.");
}
