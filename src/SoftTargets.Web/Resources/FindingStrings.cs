namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the findings pages' strings in FindingStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class FindingStrings;
