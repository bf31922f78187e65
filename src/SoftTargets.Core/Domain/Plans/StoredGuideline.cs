namespace SoftTargets.Core.Domain.Plans;

/// <summary>
/// A plan revision's guideline as stored (the JSONB of <see cref="SitePlan.Document"/>): either the whole
/// <see cref="Guideline"/>, as revisions were first written, or the compact form that keeps only what is particular to the
/// site and is read back into the whole guideline with the published methodology version it came from. Read it through
/// <c>PlanDocuments</c>, never as JSON.
/// </summary>
public sealed record StoredGuideline(string Json);
