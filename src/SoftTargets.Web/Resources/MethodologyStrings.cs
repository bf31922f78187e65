namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the methodology pages' strings in MethodologyStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class MethodologyStrings;
