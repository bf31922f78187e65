using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.Core.Features.Plans;

/// <summary>Which measures a list of those needing attention shows: the same two the venue manager's home counts.</summary>
public enum MeasureAttention
{
    /// <summary>Past its due date and neither implemented nor set aside as not applicable (<see cref="ComplianceRules.IsOverdue(MeasureStatus, DateOnly?, DateOnly)"/>).</summary>
    Overdue,

    /// <summary>Its next review falls within the next 30 days, today included (<see cref="ComplianceRules.IsReviewDueSoon"/>).</summary>
    ReviewDue,
}

public sealed record AttentionMeasure(Guid SiteId, string SiteName, string Key, LocalizedText Title, MeasureStatus Status,
    string Owner, DateOnly? DueDate, DateOnly? NextReview);

/// <summary>
/// The measures of a venue manager's sites that need attention, across their sites, so the home page's figures lead to the
/// measures they count. Each measure is titled from its site's latest plan.
/// </summary>
public sealed class MeasureAttentionQueries(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, HybridCache cache)
{
    public async Task<IReadOnlyList<AttentionMeasure>> ListAsync(MeasureAttention attention, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.DemandRole(Roles.VenueManager);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = MeasureDeadlines.Today(clock);
        var sites = SiteQueries.Visible(db, actor);
        var measures = db.PlanMeasures.AsNoTracking().Where(m => sites.Any(s => s.Id == m.SiteId));
        measures = measures.Where(attention == MeasureAttention.Overdue
            ? ComplianceRules.Where.MeasureIsOverdue(today)
            : ComplianceRules.Where.ReviewIsDueSoon(today));
        var rows = await (from m in measures
                          join s in sites on m.SiteId equals s.Id
                          orderby attention == MeasureAttention.Overdue ? m.DueDate : m.NextReview, s.Name, m.MeasureKey
                          select new { m.SiteId, SiteName = s.Name, m.MeasureKey, m.Status, m.Owner, m.DueDate, m.NextReview })
            .ToListAsync(ct);

        var titles = new Dictionary<(Guid, string), LocalizedText>();
        foreach (var siteId in rows.Select(r => r.SiteId).Distinct())
        {
            var plan = await db.SitePlans.AsNoTracking().Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision)
                .Select(p => new { p.MethodologyVersionId, p.Document }).FirstOrDefaultAsync(ct);
            var document = plan is null ? null : await PlanDocuments.ReadAsync(db, cache, plan.MethodologyVersionId, plan.Document, ct);
            foreach (var measure in document?.Measures ?? [])
                titles.TryAdd((siteId, measure.Key), measure.Title);
        }
        return rows.Select(r => new AttentionMeasure(r.SiteId, r.SiteName, r.MeasureKey,
            titles.GetValueOrDefault((r.SiteId, r.MeasureKey)) ?? new LocalizedText(r.MeasureKey, r.MeasureKey),
            r.Status, r.Owner, r.DueDate, r.NextReview)).ToList();
    }
}
