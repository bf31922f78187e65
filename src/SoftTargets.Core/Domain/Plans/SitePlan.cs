using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Plans;

/// <summary>
/// One generated revision of a site's guideline. Immutable once created: a new generation makes a new
/// revision, and the tracked state of each measure lives in <see cref="PlanMeasure"/>. <see cref="Document"/> is the
/// guideline as stored: read it with <c>PlanDocuments</c>, which rebuilds it from the methodology version.
/// </summary>
public sealed class SitePlan : AuditableEntity
{
    private SitePlan() { }

    public SitePlan(Guid siteId, int revision, Guid methodologyVersionId, string tier, StoredGuideline document, string inputsHash)
    {
        SiteId = siteId;
        Revision = revision;
        MethodologyVersionId = methodologyVersionId;
        Tier = tier;
        Document = document;
        InputsHash = inputsHash;
    }

    public Guid SiteId { get; private set; }
    public int Revision { get; private set; }
    public Guid MethodologyVersionId { get; private set; }
    public string Tier { get; private set; } = "";
    public StoredGuideline Document { get; private set; } = new("{}");
    public string InputsHash { get; private set; } = "";
}
