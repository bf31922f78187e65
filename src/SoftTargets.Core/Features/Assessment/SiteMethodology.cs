using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Assessment;

/// <summary>The number and content of the methodology version a site is assessed against. Immutable, so the cache hands out one instance.</summary>
[ImmutableObject(true)]
internal sealed record SiteMethodologyVersion(Guid Id, int Number, MethodologyDocument Content);

internal static class SiteMethodology
{
    /// <summary>
    /// The methodology version the site's latest plan follows, or the newest published version of the site's methodology when it has no plan yet:
    /// assessing against the version the plan uses keeps threat keys, questions and measures consistent with it.
    /// Null before any methodology is published. Only the version's id and status are read per call: a published version's
    /// document (hundreds of KB) never changes and comes from the cache of published versions; a draft is read and never cached.
    /// </summary>
    public static async Task<SiteMethodologyVersion?> ForSiteAsync(SoftTargetsDbContext db, HybridCache cache, Guid siteId, CancellationToken ct)
    {
        var version = await db.MethodologyVersions
            .Where(v => v.Id == (
                db.SitePlans.Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision).Select(p => (Guid?)p.MethodologyVersionId).FirstOrDefault()
                ?? db.MethodologyVersions
                    .Where(c => c.Status == MethodologyVersionStatus.Published && db.Sites.Any(s => s.Id == siteId && s.MethodologyId == c.MethodologyId))
                    .OrderByDescending(c => c.PublishedAt).Select(c => (Guid?)c.Id).FirstOrDefault()))
            .Select(v => new { v.Id, v.Status })
            .FirstOrDefaultAsync(ct);
        if (version is null)
            return null;
        return version.Status == MethodologyVersionStatus.Draft
            ? await LoadAsync(db, version.Id, ct)
            : await cache.GetOrCreateAsync($"methodology-version:{version.Id}:document", (db, version.Id),
                static (state, token) => new ValueTask<SiteMethodologyVersion>(LoadAsync(state.db, state.Id, token)), cancellationToken: ct);
    }

    private static Task<SiteMethodologyVersion> LoadAsync(SoftTargetsDbContext db, Guid versionId, CancellationToken ct) =>
        db.MethodologyVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new SiteMethodologyVersion(v.Id, v.Number, v.Content)).SingleAsync(ct);
}
