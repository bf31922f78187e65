using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Readiness;

/// <summary>An exercise run at a site, ending with an after-action review.</summary>
public sealed class Drill : AuditableEntity
{
    private Drill() { }

    public Drill(Guid siteId, DateOnly heldOn, string threatKey, int participants, string afterActionNotes)
    {
        SiteId = siteId;
        HeldOn = heldOn;
        ThreatKey = threatKey;
        Participants = participants;
        AfterActionNotes = afterActionNotes.Trim();
    }

    public Guid SiteId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string ThreatKey { get; private set; } = "";
    public int Participants { get; private set; }
    public string AfterActionNotes { get; private set; } = "";
}
