namespace SoftTargets.Core.Domain.Threats;

/// <summary>One assessed threat at a site: risk before (inherent) and after (residual) its measures.</summary>
public sealed class ThreatScenario
{
    private ThreatScenario() { }

    internal ThreatScenario(Guid siteId, string threatKey, RiskRating inherent, RiskRating residual, string rationale)
    {
        SiteId = siteId;
        ThreatKey = threatKey;
        Inherent = inherent;
        Residual = residual;
        Rationale = rationale.Trim();
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public string ThreatKey { get; private set; } = "";
    public RiskRating Inherent { get; private set; } = new(1, 1);
    public RiskRating Residual { get; private set; } = new(1, 1);
    public string Rationale { get; private set; } = "";
}
