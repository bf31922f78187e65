namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the notification pages' strings in NotificationStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class NotificationStrings;
