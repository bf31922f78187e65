using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology;

namespace SoftTargets.Core.Features.Assessment;

internal static class SiteMethodology
{
    /// <summary>
    /// The methodology version the site's latest plan follows, or the newest published version of the site's methodology when it has no plan yet:
    /// assessing against the version the plan uses keeps threat keys, questions and measures consistent with it.
    /// Null before any methodology is published.
    /// </summary>
    public static async Task<MethodologyVersion?> ForSiteAsync(SoftTargetsDbContext db, Guid siteId, CancellationToken ct)
    {
        var planVersionId = await db.SitePlans.Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision)
            .Select(p => (Guid?)p.MethodologyVersionId).FirstOrDefaultAsync(ct);
        return planVersionId is { } id
            ? await db.MethodologyVersions.AsNoTracking().SingleAsync(v => v.Id == id, ct)
            : await db.CurrentPublishedForSiteAsync(siteId, ct);
    }
}
