using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Domain.Threats;

namespace SoftTargets.Core.Features.Audit;

/// <summary>The kinds of record the audit trail holds, by the entity type name the interceptor writes.</summary>
public static class AuditEntityTypes
{
    public const string Site = nameof(Domain.Sites.Site);

    /// <summary>A user account (Identity's user row), secrets redacted.</summary>
    public const string User = "User";

    /// <summary>A user's membership of a role (Identity's user-role row, keyed user id/role id).</summary>
    public const string UserRole = "UserRole";

    public static readonly IReadOnlyList<string> All =
    [
        Site, nameof(Zone), nameof(Contact), nameof(ThreatScenario), nameof(SelfAssessmentAnswer), nameof(SiteDraft),
        nameof(SitePlan), nameof(PlanMeasure), nameof(Evidence), nameof(Finding), nameof(PlaybookRun), nameof(RunStep), nameof(ImprovementItem),
        nameof(Domain.Events.SiteEvent),
        nameof(Organization), nameof(Domain.Methodology.Methodology), nameof(MethodologyVersion), User, UserRole,
    ];
}
