namespace SoftTargets.Core.Features.Audit;

/// <summary>
/// Turns the days a person picks into the UTC instants the trail is stored in: "from 3 March to 5 March" in
/// Prague means from midnight of 3 March in Prague up to, not including, midnight of 6 March in Prague,
/// whatever the offset (summer time included) on either day.
/// </summary>
public static class AuditPeriod
{
    public static (DateTimeOffset? FromInclusive, DateTimeOffset? ToExclusive) ToUtc(DateOnly? from, DateOnly? to, TimeZoneInfo? zone)
    {
        zone ??= TimeZoneInfo.Utc;
        return (from is { } f ? StartOf(f, zone) : null, to is { } t ? StartOf(t.AddDays(1), zone) : null);
    }

    /// <summary>The first instant of the day in the zone; when a clock change skips midnight, the first instant that exists.</summary>
    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        // An ambiguous midnight (clocks going back over it) starts at its earlier occurrence, the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
