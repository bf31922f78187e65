using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Threats;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Methodology.Rules;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Methodology.Impact;

public sealed record ImpactSiteView(Guid SiteId, string SiteName, string OrganizationName, IReadOnlyList<string> Gained, IReadOnlyList<string> Lost);

public sealed record MeasureImpact(string Key, LocalizedText Title, int SitesGaining, int SitesLosing);

public sealed record ImpactPreviewResult(int SitesCompared, int SitesAffected, IReadOnlyList<ImpactSiteView> Sites, IReadOnlyList<MeasureImpact> Measures);

/// <summary>
/// Before publishing: which sites would gain or lose which measures under a draft, compared with the
/// version each site's current plan follows (the current published version for sites without a plan).
/// Only the sites that follow the draft's methodology are compared: publishing it moves no other site.
/// </summary>
public sealed class ImpactPreview(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<ImpactPreviewResult> PreviewAsync(Guid draftVersionId, int maxSites = 100, CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandRole(Roles.MethodologyEditor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.MethodologyVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == draftVersionId, ct)
            ?? throw new NotFoundException("The methodology version");
        var versions = await db.MethodologyVersions.AsNoTracking()
            .Where(v => v.MethodologyId == draft.MethodologyId && v.Status != MethodologyVersionStatus.Draft)
            .ToDictionaryAsync(v => v.Id, ct);
        var current = versions.Values.Where(v => v.Status == MethodologyVersionStatus.Published).MaxBy(v => v.PublishedAt);

        var planVersions = await db.Database
            .SqlQuery<SitePlanVersion>($"""SELECT DISTINCT ON ("SiteId") "SiteId", "MethodologyVersionId" FROM "SitePlans" ORDER BY "SiteId", "Revision" DESC""")
            .ToDictionaryAsync(p => p.SiteId, p => p.MethodologyVersionId, ct);
        var risks = (await db.Set<ThreatScenario>().AsNoTracking()
                .Select(t => new { t.SiteId, t.ThreatKey, Risk = t.Inherent.Likelihood * t.Inherent.Impact })
                .ToListAsync(ct))
            .GroupBy(t => t.SiteId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(t => t.ThreatKey, t => t.Risk));
        var sites = await db.Sites.AsNoTracking()
            .Where(s => s.MethodologyId == draft.MethodologyId)
            .Select(s => new { s.Id, s.VenueTypeKey, s.MaxOccupancy, s.Attributes })
            .ToListAsync(ct);

        var noThreats = new Dictionary<string, int>();
        var impactSites = sites.Select(s => new ImpactSite(s.Id,
                new RuleFacts(s.VenueTypeKey, s.MaxOccupancy, s.Attributes.ToHashSet(), risks.GetValueOrDefault(s.Id) ?? noThreats, null),
                planVersions.TryGetValue(s.Id, out var planned) && versions.ContainsKey(planned) ? planned : current?.Id ?? Guid.Empty))
            .ToList();
        var calculator = new ImpactCalculator(draft.Content, versions.ToDictionary(v => v.Key, v => v.Value.Content));
        var result = calculator.Compute(impactSites);

        var shown = result.Changes.OrderByDescending(c => c.Gained.Count + c.Lost.Count).ThenBy(c => c.SiteId).Take(maxSites).ToList();
        var shownIds = shown.Select(c => c.SiteId).ToList();
        var names = await (from s in db.Sites
                           join o in db.Organizations on s.OrganizationId equals o.Id
                           where shownIds.Contains(s.Id)
                           select new { s.Id, s.Name, Organization = o.Name }).ToDictionaryAsync(s => s.Id, ct);

        var titles = versions.Values.SelectMany(v => v.Content.Measures).Concat(draft.Content.Measures)
            .GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.Last().Title);
        var measures = result.GainedByMeasure.Keys.Union(result.LostByMeasure.Keys).Order(StringComparer.Ordinal)
            .Select(key => new MeasureImpact(key, titles.GetValueOrDefault(key) ?? new LocalizedText(key, key),
                result.GainedByMeasure.GetValueOrDefault(key), result.LostByMeasure.GetValueOrDefault(key)))
            .ToList();
        return new ImpactPreviewResult(result.SitesCompared, result.Changes.Count,
            shown.Select(c => new ImpactSiteView(c.SiteId, names[c.SiteId].Name, names[c.SiteId].Organization, c.Gained, c.Lost)).ToList(),
            measures);
    }

    private sealed record SitePlanVersion(Guid SiteId, Guid MethodologyVersionId);
}
