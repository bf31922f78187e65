using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>What the rules see of a snapshot: the site's facts, and for an event what the event adds.</summary>
public static class SnapshotFacts
{
    /// <summary>
    /// For an event, the site holds its expected attendance for the event's days: occupancy is the higher of the
    /// site's maximum and the attendance (a fair on a small square is a large crowd), the attendance rule sees the
    /// attendance, and the event's attributes count with the site's. For the venue itself attendance is null, so an
    /// attendance rule never holds for it.
    /// </summary>
    public static RuleFacts Of(SiteSnapshot site, IReadOnlyDictionary<string, int> threatRisks)
    {
        var attributes = site.Attributes.ToHashSet(StringComparer.Ordinal);
        if (site.Event is not { } occasion)
            return new RuleFacts(site.VenueTypeKey, site.MaxOccupancy, attributes, threatRisks, null);
        attributes.UnionWith(occasion.Attributes);
        return new RuleFacts(site.VenueTypeKey, Math.Max(site.MaxOccupancy, occasion.ExpectedAttendance), attributes, threatRisks, null,
            occasion.ExpectedAttendance);
    }
}
