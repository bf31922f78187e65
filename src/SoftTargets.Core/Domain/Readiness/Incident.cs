using System.ComponentModel.DataAnnotations;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Domain.Readiness;

/// <summary>A real incident at a site, followed through the phases until the return to routine.</summary>
public sealed class Incident : AuditableEntity
{
    private Incident() { }

    public Incident(Guid siteId, DateTimeOffset occurredAt, string threatKey, string summary)
    {
        SiteId = siteId;
        OccurredAt = occurredAt;
        ThreatKey = threatKey;
        Summary = summary.Trim();
    }

    public Guid SiteId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string ThreatKey { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public IncidentPhase Phase { get; private set; } = IncidentPhase.P1;
    public DateTimeOffset? ReturnedToRoutineAt { get; private set; }

    [Timestamp]
    public uint Version { get; private set; }

    public void MoveTo(IncidentPhase phase, DateTimeOffset at)
    {
        if (phase == Phase) return;
        if (phase < Phase)
            throw new DomainException("PhaseBackwards", "An incident moves forward through the phases only.");
        Phase = phase;
        if (phase == IncidentPhase.P5) ReturnedToRoutineAt = at;
    }
}
