namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the rule builder's strings in RuleStrings.resx (English) and RuleStrings.cs.resx (Czech).</summary>
public sealed class RuleStrings;
