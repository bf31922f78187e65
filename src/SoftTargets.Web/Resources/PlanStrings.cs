namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the plan pages' strings in PlanStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class PlanStrings;
