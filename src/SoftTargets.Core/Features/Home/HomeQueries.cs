using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Home;

public sealed record VenueManagerHome(int Sites, int MeasuresTracked, int MeasuresImplemented, int OverdueMeasures, int ReviewsDueIn30Days, int OpenFindings);

public sealed record EditorHome(int Methodologies, int Drafts, string? LatestVersion, DateTimeOffset? LatestPublishedAt, int SitePlans);

public sealed record AuditorHome(int Sites, int SitesWithPlan, int Operators, int EssentialMeasures, int EssentialImplemented, int OpenFindings, int OverdueFindings);

public sealed record AdministratorHome(int Organizations, int Users, int LockedOutUsers);

/// <summary>
/// The figures on each role's home page, counted in the database. Each method returns null when the
/// caller does not have the role.
/// </summary>
public sealed class HomeQueries(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, ComplianceDashboard dashboard)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<VenueManagerHome?> ForVenueManagerAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        if (!actor.IsIn(Roles.VenueManager)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sites = SiteQueries.Visible(db, actor).Select(s => s.Id);
        var measures = db.PlanMeasures.Where(m => sites.Contains(m.SiteId) && m.IsApplicable);
        var today = Today;
        return new VenueManagerHome(
            await sites.CountAsync(ct),
            await measures.CountAsync(ct),
            await measures.CountAsync(m => m.Status == MeasureStatus.Implemented, ct),
            await measures.CountAsync(ComplianceRules.Where.MeasureIsOverdue(today), ct),
            await measures.CountAsync(ComplianceRules.Where.ReviewIsDueSoon(today), ct),
            await db.Findings.Where(f => sites.Contains(f.SiteId)).CountAsync(ComplianceRules.Where.FindingIsOpen(), ct));
    }

    public async Task<EditorHome?> ForEditorAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        if (!actor.IsIn(Roles.MethodologyEditor)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.MethodologyVersions
            .Where(v => v.Status == MethodologyVersionStatus.Published)
            .OrderByDescending(v => v.PublishedAt)
            .Join(db.Methodologies, v => v.MethodologyId, m => m.Id, (v, m) => new { m.Code, v.Number, v.PublishedAt })
            .FirstOrDefaultAsync(ct);
        return new EditorHome(
            await db.Methodologies.CountAsync(ct),
            await db.MethodologyVersions.CountAsync(v => v.Status == MethodologyVersionStatus.Draft, ct),
            latest is null ? null : $"{latest.Code} v{latest.Number}",
            latest?.PublishedAt,
            await db.SitePlans.CountAsync(ct));
    }

    public async Task<AuditorHome?> ForAuditorAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        if (!actor.IsIn(Roles.Auditor)) return null;
        // The whole country's figures as the dashboard reads them from the per-site counts, so both pages agree.
        var country = await dashboard.GetTotalsAsync(new DashboardFilter(), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new AuditorHome(
            country.Sites,
            country.SitesWithPlan,
            await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Operator, ct),
            country.EssentialCounted,
            country.EssentialImplemented,
            country.OpenFindings,
            country.OverdueFindings);
    }

    public async Task<AdministratorHome?> ForAdministratorAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        if (!actor.IsIn(Roles.Administrator)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return new AdministratorHome(
            await db.Organizations.CountAsync(ct),
            await db.Users.CountAsync(ct),
            await db.Users.CountAsync(u => u.LockoutEnd > now, ct));
    }
}
