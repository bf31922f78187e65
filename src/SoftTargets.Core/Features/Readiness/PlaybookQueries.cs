using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.Core.Features.Readiness;

/// <summary>
/// A site's playbooks by phase as the people on duty read them ("what do I do?"). <see cref="Revision"/> is null
/// until a first plan is generated; <see cref="Roles"/> and <see cref="Threats"/> are every choice that has
/// steps, whatever is filtered; <see cref="Phases"/> always holds P0–P5, each with the steps left by the filter.
/// </summary>
public sealed record SitePlaybooksView(Guid SiteId, string SiteName, int? Revision, string? Role, string? Threat,
    IReadOnlyList<PlaybookChoice> Roles, IReadOnlyList<PlaybookChoice> Threats, IReadOnlyList<PlaybookPhase> Phases)
{
    public int StepCount => Phases.Sum(p => p.Steps.Count);
}

/// <summary>A role or a threat to filter by: its stable key and its name in both languages.</summary>
public sealed record PlaybookChoice(string Key, LocalizedText Name);

public sealed record PlaybookPhase(IncidentPhase Phase, IReadOnlyList<PlaybookStepView> Steps);

/// <summary>One step of one playbook with the site's data filled in, its role by key and name.</summary>
public sealed record PlaybookStepView(string Key, IncidentPhase Phase, Procedure Procedure, string ThreatKey, LocalizedText Threat,
    string RoleKey, LocalizedText RoleName, int? TargetMinutes, LocalizedText Text);

/// <summary>
/// Reads of the latest plan's playbooks for whoever may see the site (venue managers of its organisation,
/// auditors); a site the caller may not see reads as null, the same as one that does not exist.
/// </summary>
public sealed class PlaybookQueries(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, HybridCache cache)
{
    /// <summary>
    /// The steps of the latest plan's playbooks by phase, only those of <paramref name="role"/> and of
    /// <paramref name="threat"/> when given (by key; null or empty: all). A key no step has leaves every phase empty.
    /// </summary>
    public async Task<SitePlaybooksView?> GetAsync(Guid siteId, string? role = null, string? threat = null, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var siteName = await SiteQueries.Visible(db, actor).Where(s => s.Id == siteId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        if (siteName is null) return null;
        role = string.IsNullOrWhiteSpace(role) ? null : role.Trim();
        threat = string.IsNullOrWhiteSpace(threat) ? null : threat.Trim();

        var plan = await db.SitePlans.AsNoTracking().Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision)
            .Select(p => new { p.Revision, p.MethodologyVersionId, p.Document }).FirstOrDefaultAsync(ct);
        if (plan is null) return new SitePlaybooksView(siteId, siteName, null, role, threat, [], [], Phases([]));
        return Of(siteId, siteName, plan.Revision, await PlanDocuments.ReadAsync(db, cache, plan.MethodologyVersionId, plan.Document, ct), role, threat);
    }

    /// <summary>The view of a plan document: pure, so the filter's rules are tested without a database.</summary>
    public static SitePlaybooksView Of(Guid siteId, string siteName, int revision, Guideline document, string? role, string? threat)
    {
        var steps = document.Playbooks
            .SelectMany(p => p.Steps.Select(s => new PlaybookStepView(s.Key, s.Phase, s.Procedure, p.Threat, p.ThreatName, s.Role, s.RoleName, s.TargetMinutes, s.Text)))
            .OrderBy(s => s.Phase)
            .ToList();
        var roles = steps.DistinctBy(s => s.RoleKey).Select(s => new PlaybookChoice(s.RoleKey, s.RoleName)).ToList();
        var threats = document.Playbooks.DistinctBy(p => p.Threat).Select(p => new PlaybookChoice(p.Threat, p.ThreatName)).ToList();
        var shown = steps.Where(s => (role is null || s.RoleKey == role) && (threat is null || s.ThreatKey == threat)).ToList();
        return new SitePlaybooksView(siteId, siteName, revision, role, threat, roles, threats, Phases(shown));
    }

    /// <summary>Every phase P0–P5 in order, each with its steps (possibly none), in the plan's order within the phase.</summary>
    private static List<PlaybookPhase> Phases(IReadOnlyList<PlaybookStepView> steps) =>
        Enum.GetValues<IncidentPhase>().Select(phase => new PlaybookPhase(phase, steps.Where(s => s.Phase == phase).ToList())).ToList();
}
