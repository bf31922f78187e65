namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the strings of account administration and self-service (users, organisations, invitations, passwords) in AdminStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class AdminStrings;
