using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Compliance;

public sealed record FindingView(Guid Id, Guid SiteId, FindingSeverity Severity, string Title, string Text, DateOnly DueDate,
    FindingStatus Status, bool IsOverdue, string Answer, string AuthorId, uint Version);

/// <summary>
/// The finding workflow. Auditors record findings on a site or one of its plan measures and edit only their
/// own; the venue manager of the site answers (open → answered, and may revise the answer until the auditor
/// decides); any auditor then closes it (answered → closed) or reopens it with a note when the answer is not
/// enough (answered → open). An open finding closes only with a reason. Closed is final. Overdue is derived.
/// </summary>
public sealed class FindingService(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Records a finding on the site, or on one of its plan measures when <paramref name="planMeasureId"/> is given.</summary>
    public async Task<Guid> CreateAsync(Guid siteId, FindingInput input, Guid? planMeasureId = null, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.DemandRole(Roles.Auditor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await SiteQueries.Visible(db, actor).AnyAsync(s => s.Id == siteId, ct)) throw new NotFoundException("The site");
        var problems = input.Problems(Today, isNew: true);
        if (planMeasureId is { } measureId && !await db.PlanMeasures.AnyAsync(m => m.Id == measureId && m.SiteId == siteId, ct))
            problems["PlanMeasureId"] = FindingMessages.MeasureNotOnSite;
        if (problems.Count > 0) throw FindingInput.Failure(problems);

        var finding = new Finding(siteId, planMeasureId, actor.UserId, input.Severity, input.Title, input.Text, input.DueDate);
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
        var problems = input.Problems(Today, isNew: input.DueDate != finding.DueDate);
        if (problems.Count > 0) throw FindingInput.Failure(problems);
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

    /// <summary>Any auditor accepts the answer and closes the finding; an unanswered one needs a reason.</summary>
    public Task<uint> CloseAsync(Guid id, string reason, uint expectedVersion, CancellationToken ct = default) =>
        ReviewAsync(id, expectedVersion, finding => finding.Close(reason, clock.GetUtcNow()), ct);

    /// <summary>Any auditor sends an answered finding back to the venue manager with a note saying what is missing.</summary>
    public Task<uint> ReopenAsync(Guid id, string note, uint expectedVersion, CancellationToken ct = default) =>
        ReviewAsync(id, expectedVersion, finding => finding.Reopen(note, clock.GetUtcNow()), ct);

    public async Task<IReadOnlyList<FindingView>> ListForSiteAsync(Guid siteId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Today;
        var visibleSites = SiteQueries.Visible(db, actor).Select(s => s.Id);
        var findings = await db.Findings.Where(f => f.SiteId == siteId && visibleSites.Contains(f.SiteId))
            .OrderBy(f => f.Status).ThenBy(f => f.DueDate)
            .Select(f => new FindingView(f.Id, f.SiteId, f.Severity, f.Title, f.Text, f.DueDate, f.Status,
                false, f.Answer, f.AuthorId, f.Version))
            .ToListAsync(ct);
        return findings.Select(f => f with { IsOverdue = ComplianceRules.IsOverdue(f.Status, f.DueDate, today) }).ToList();
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<uint> ReviewAsync(Guid id, uint expectedVersion, Action<Finding> change, CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.DemandRole(Roles.Auditor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var finding = await db.Findings.FindAsync([id], ct) ?? throw new NotFoundException("The finding");
        db.Entry(finding).Property(f => f.Version).OriginalValue = expectedVersion;
        change(finding);
        await db.SaveConcurrentlyAsync(ct);
        return finding.Version;
    }
}
