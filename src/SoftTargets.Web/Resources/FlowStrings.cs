namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the strings of moving between pages (unsaved changes, next steps, links from figures) in FlowStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class FlowStrings;
