using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Compliance;

/// <summary>What the findings list may be narrowed to; Overdue is a derived state, not a stored status.</summary>
public enum FindingStateFilter
{
    Open,
    Answered,
    Closed,
    Overdue,
}

/// <summary>Filters of the findings list; <see cref="Search"/> matches the site's or the organisation's name.</summary>
public sealed record FindingFilter(FindingStateFilter? State = null, FindingSeverity? Severity = null, string? Region = null,
    string? Search = null, Guid? SiteId = null);

/// <summary>A finding as lists show it, with what the caller may do with it.</summary>
public sealed record FindingListItem(Guid Id, Guid SiteId, string SiteName, string OrganizationName, string Region,
    Guid? PlanMeasureId, string? MeasureKey, FindingSeverity Severity, string Title, string Text, DateOnly DueDate,
    FindingStatus Status, bool IsOverdue, string Answer, DateTimeOffset? AnsweredAt, uint Version, bool CanAnswer, bool CanReview);

/// <summary>How many findings the caller can see in each state; overdue ones are also counted as open or answered.</summary>
public sealed record FindingCounts(int Open, int Answered, int Closed, int Overdue);

/// <summary>Finding reads: auditors see every finding, venue managers only those on their organisation's sites.</summary>
public sealed class FindingQueries(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<PagedResult<FindingListItem>> ListAsync(FindingFilter filter, PageRequest request, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var findings = filter.State == FindingStateFilter.Overdue ? db.Findings.Where(ComplianceRules.Where.FindingIsOverdue(today)) : db.Findings;
        var rows = from f in findings
                   join s in SiteQueries.Visible(db, actor) on f.SiteId equals s.Id
                   join o in db.Organizations on s.OrganizationId equals o.Id
                   from m in db.PlanMeasures.Where(m => m.Id == f.PlanMeasureId).DefaultIfEmpty()
                   select new { Finding = f, SiteName = s.Name, s.OrganizationId, Organization = o.Name, s.Region, MeasureKey = m == null ? null : m.MeasureKey };

        if (filter.SiteId is { } siteId) rows = rows.Where(r => r.Finding.SiteId == siteId);
        if (filter.Severity is { } severity) rows = rows.Where(r => r.Finding.Severity == severity);
        if (filter.Region is { } region) rows = rows.Where(r => r.Region == region);
        rows = filter.State switch
        {
            FindingStateFilter.Open => rows.Where(r => r.Finding.Status == FindingStatus.Open),
            FindingStateFilter.Answered => rows.Where(r => r.Finding.Status == FindingStatus.Answered),
            FindingStateFilter.Closed => rows.Where(r => r.Finding.Status == FindingStatus.Closed),
            _ => rows,
        };
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = "%" + filter.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            rows = rows.Where(r => EF.Functions.ILike(r.SiteName, pattern) || EF.Functions.ILike(r.Organization, pattern));
        }

        rows = (request.SortBy, request.Descending) switch
        {
            ("SiteName", false) => rows.OrderBy(r => r.SiteName).ThenBy(r => r.Finding.DueDate),
            ("SiteName", true) => rows.OrderByDescending(r => r.SiteName).ThenBy(r => r.Finding.DueDate),
            ("Severity", false) => rows.OrderBy(r => r.Finding.Severity).ThenBy(r => r.Finding.DueDate),
            ("Severity", true) => rows.OrderByDescending(r => r.Finding.Severity).ThenBy(r => r.Finding.DueDate),
            ("Status", false) => rows.OrderBy(r => r.Finding.Status).ThenBy(r => r.Finding.DueDate),
            ("Status", true) => rows.OrderByDescending(r => r.Finding.Status).ThenBy(r => r.Finding.DueDate),
            ("DueDate", true) => rows.OrderByDescending(r => r.Finding.DueDate).ThenBy(r => r.Finding.Id),
            // Unfinished work first, soonest due first.
            _ => rows.OrderBy(r => r.Finding.Status == FindingStatus.Closed).ThenBy(r => r.Finding.DueDate).ThenBy(r => r.Finding.Id),
        };

        var total = await rows.CountAsync(ct);
        var page = await rows.Skip(request.Skip).Take(request.Take).ToListAsync(ct);
        var isAuditor = actor.IsIn(Roles.Auditor);
        var items = page.Select(r => new FindingListItem(r.Finding.Id, r.Finding.SiteId, r.SiteName, r.Organization, r.Region,
            r.Finding.PlanMeasureId, r.MeasureKey, r.Finding.Severity, r.Finding.Title, r.Finding.Text, r.Finding.DueDate,
            r.Finding.Status, ComplianceRules.IsOverdue(r.Finding.Status, r.Finding.DueDate, today), r.Finding.Answer, r.Finding.AnsweredAt, r.Finding.Version,
            CanAnswer: r.Finding.Status != FindingStatus.Closed && actor.CanChangeSitesOf(r.OrganizationId),
            CanReview: isAuditor && r.Finding.Status != FindingStatus.Closed)).ToList();
        return new PagedResult<FindingListItem>(items, total);
    }

    /// <summary>The page header's figures, counted in the database over what the caller may see.</summary>
    public async Task<FindingCounts> CountAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var visibleSites = SiteQueries.Visible(db, actor).Select(s => s.Id);
        var counts = await db.Findings.Where(f => visibleSites.Contains(f.SiteId))
            .GroupBy(f => 1)
            .Select(g => new FindingCounts(
                g.Count(f => f.Status == FindingStatus.Open),
                g.Count(f => f.Status == FindingStatus.Answered),
                g.Count(f => f.Status == FindingStatus.Closed),
                0))
            .SingleOrDefaultAsync(ct);
        if (counts is null) return new FindingCounts(0, 0, 0, 0);
        var overdue = await db.Findings.Where(f => visibleSites.Contains(f.SiteId)).CountAsync(ComplianceRules.Where.FindingIsOverdue(today), ct);
        return counts with { Overdue = overdue };
    }
}
