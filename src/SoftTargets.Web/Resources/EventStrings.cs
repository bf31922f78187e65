namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the event pages' strings in EventStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class EventStrings;
