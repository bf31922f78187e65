namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the drills, incidents and reviews pages' strings in ReadinessStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class ReadinessStrings;
