namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the strings of the second factor, the password change and the profile in SecurityStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class SecurityStrings;
