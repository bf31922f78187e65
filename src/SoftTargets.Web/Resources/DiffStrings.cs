namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the version comparison's strings in DiffStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class DiffStrings;
