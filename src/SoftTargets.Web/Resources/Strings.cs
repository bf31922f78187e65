namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the shared UI strings in Strings.resx (English) and Strings.cs.resx (Czech).</summary>
public sealed class Strings;
