using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Assessment;

/// <summary>A site's threat assessment page: the catalogue with suggestions and ratings, and the site version to save against.</summary>
/// <param name="MethodologyNumber">The number of the methodology version the catalogue comes from; null before any is published.</param>
public sealed record ThreatAssessmentView(Guid SiteId, string SiteName, uint Version, bool CanChange, int? MethodologyNumber,
    IReadOnlyList<ThreatRow> Threats)
{
    public IReadOnlyCollection<string> ThreatKeys => Threats.Select(t => t.Key).ToList();

    public HeatMap HeatMap(RiskView view) => Assessment.HeatMap.Build(ThreatCatalogue.Assessed(Threats), view);
}

/// <summary>
/// Threat assessment of one site against the threat catalogue of the methodology its plan follows. Venue managers
/// of the site's organisation rate threats; auditors read.
/// </summary>
public sealed class ThreatAssessment(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, HybridCache cache)
{
    /// <summary>The site's threats, or null when it does not exist or the caller may not see it (the two look the same).</summary>
    public async Task<ThreatAssessmentView?> GetAsync(Guid siteId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await SiteQueries.WithParts(SiteQueries.Visible(db, actor).AsNoTracking()).FirstOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null) return null;
        var methodology = await SiteMethodology.ForSiteAsync(db, cache, siteId, ct);
        var rationales = site.Threats.GroupBy(t => t.ThreatKey).ToDictionary(g => g.Key, g => g.First().Rationale);
        IReadOnlyList<ThreatRow> rows = methodology is null ? [] : ThreatCatalogue.Build(methodology.Content, SiteSnapshot.Of(site), rationales);
        return new ThreatAssessmentView(site.Id, site.Name, site.Version, actor.CanChangeSitesOf(site.OrganizationId), methodology?.Number, rows);
    }

    /// <summary>Adds or replaces the assessment of one threat if nobody changed the site since <paramref name="expectedVersion"/> was read.</summary>
    /// <returns>The site's new version.</returns>
    public async Task<uint> SaveAsync(Guid siteId, ThreatInput input, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await LoadForChangeAsync(db, actor, siteId, expectedVersion, ct);
        var methodology = await SiteMethodology.ForSiteAsync(db, cache, siteId, ct);
        var known = methodology?.Content.ThreatTypes.Select(t => t.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var problems = input.Problems(known);
        if (problems.Count > 0) throw new ValidationFailedException(AssessmentMessages.English(problems));

        site.AssessThreat(input.ThreatKey, input.Inherent, input.Residual, input.Rationale);
        return await SaveAsync(db, site, ct);
    }

    /// <summary>Drops the assessment of one threat if nobody changed the site since <paramref name="expectedVersion"/> was read.</summary>
    /// <returns>The site's new version.</returns>
    public async Task<uint> RemoveAsync(Guid siteId, string threatKey, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await LoadForChangeAsync(db, actor, siteId, expectedVersion, ct);
        site.RemoveThreat(threatKey);
        return await SaveAsync(db, site, ct);
    }

    private static async Task<uint> SaveAsync(SoftTargetsDbContext db, Site site, CancellationToken ct)
    {
        // Threat scenarios live in their own table: touching the site makes every change to them bump its version.
        db.Entry(site).Property(s => s.UpdatedAt).IsModified = true;
        await db.SaveConcurrentlyAsync(ct);
        return site.Version;
    }

    internal static async Task<Site> LoadForChangeAsync(SoftTargetsDbContext db, Actor actor, Guid siteId, uint expectedVersion, CancellationToken ct)
    {
        var site = await SiteQueries.WithParts(SiteQueries.Visible(db, actor)).FirstOrDefaultAsync(s => s.Id == siteId, ct)
            ?? throw new NotFoundException("The site");
        actor.Demand(actor.CanChangeSitesOf(site.OrganizationId));
        db.Entry(site).Property(s => s.Version).OriginalValue = expectedVersion;
        return site;
    }
}
