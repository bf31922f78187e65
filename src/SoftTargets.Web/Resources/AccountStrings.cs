namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the account pages' strings (API tokens, sign-in limits) in AccountStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class AccountStrings;
