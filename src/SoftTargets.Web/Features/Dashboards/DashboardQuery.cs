using SoftTargets.Core.Features.Dashboards;

namespace SoftTargets.Web.Features.Dashboards;

/// <summary>The filter as it travels in a dashboard address (region, venueType, tier, version), so every view can be linked to.</summary>
public static class DashboardQuery
{
    public static DashboardFilter Filter(string? region, string? venueType, string? tier, Guid? version) => new(
        string.IsNullOrWhiteSpace(region) || region.Trim().Length > 32 ? null : region.Trim(),
        string.IsNullOrWhiteSpace(venueType) ? null : venueType,
        string.IsNullOrWhiteSpace(tier) ? null : tier,
        version);

    public static string String(DashboardFilter filter)
    {
        var parts = new List<string>();
        if (filter.Region is { } region) parts.Add($"region={Uri.EscapeDataString(region)}");
        if (filter.VenueTypeKey is { } venueType) parts.Add($"venueType={Uri.EscapeDataString(venueType)}");
        if (filter.Tier is { } tier) parts.Add($"tier={Uri.EscapeDataString(tier)}");
        if (filter.MethodologyVersionId is { } version) parts.Add($"version={version}");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
