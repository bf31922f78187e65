namespace SoftTargets.Web.Resources;

/// <summary>Anchor for the dashboards' strings in DashboardStrings.resx (English) and .cs.resx (Czech).</summary>
public sealed class DashboardStrings;
