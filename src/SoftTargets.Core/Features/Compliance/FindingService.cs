using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Compliance;

public sealed record FindingInput(FindingSeverity Severity, string Title, string Text, DateOnly DueDate);

public sealed record FindingView(Guid Id, Guid SiteId, FindingSeverity Severity, string Title, string Text, DateOnly DueDate,
    FindingStatus Status, bool IsOverdue, string Answer, string AuthorId, uint Version);

/// <summary>
/// Auditors record findings and change only their own; the venue manager of the site answers them.
/// </summary>
public sealed class FindingService(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Guid> CreateAsync(Guid siteId, FindingInput input, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.DemandRole(Roles.Auditor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await SiteQueries.Visible(db, actor).AnyAsync(s => s.Id == siteId, ct)) throw new NotFoundException("The site");
        var finding = new Finding(siteId, null, actor.UserId, input.Severity, input.Title, input.Text, input.DueDate);
        db.Findings.Add(finding);
        await db.SaveChangesAsync(ct);
        return finding.Id;
    }

    public async Task<uint> UpdateAsync(Guid id, FindingInput input, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.DemandRole(Roles.Auditor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var finding = await db.Findings.FindAsync([id], ct) ?? throw new NotFoundException("The finding");
        actor.Demand(finding.AuthorId == actor.UserId);
        db.Entry(finding).Property(f => f.Version).OriginalValue = expectedVersion;
        finding.Edit(input.Severity, input.Title, input.Text, input.DueDate);
        await db.SaveConcurrentlyAsync(ct);
        return finding.Version;
    }

    public async Task<uint> AnswerAsync(Guid id, string answer, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var finding = await db.Findings.FindAsync([id], ct) ?? throw new NotFoundException("The finding");
        var organizationId = await db.Sites.Where(s => s.Id == finding.SiteId).Select(s => s.OrganizationId).SingleAsync(ct);
        if (!actor.CanReadSitesOf(organizationId)) throw new NotFoundException("The finding");
        actor.Demand(actor.CanChangeSitesOf(organizationId));
        db.Entry(finding).Property(f => f.Version).OriginalValue = expectedVersion;
        finding.Respond(answer, clock.GetUtcNow());
        await db.SaveConcurrentlyAsync(ct);
        return finding.Version;
    }

    public async Task<IReadOnlyList<FindingView>> ListForSiteAsync(Guid siteId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var visibleSites = SiteQueries.Visible(db, actor).Select(s => s.Id);
        return await db.Findings.Where(f => f.SiteId == siteId && visibleSites.Contains(f.SiteId))
            .OrderBy(f => f.Status).ThenBy(f => f.DueDate)
            .Select(f => new FindingView(f.Id, f.SiteId, f.Severity, f.Title, f.Text, f.DueDate, f.Status,
                f.Status != FindingStatus.Closed && f.DueDate < today, f.Answer, f.AuthorId, f.Version))
            .ToListAsync(ct);
    }
}
