namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the audit trail's strings in AuditStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class AuditStrings;
