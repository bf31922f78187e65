namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the threat assessment and self-assessment pages' strings in AssessmentStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class AssessmentStrings;
