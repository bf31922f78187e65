using SoftTargets.Core.Features.Audit;

namespace SoftTargets.UnitTests.Features.Audit;

public sealed class AuditPeriodTests
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");

    [Fact]
    public void Both_days_are_included_whole_in_utc()
    {
        var (from, to) = AuditPeriod.ToUtc(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 5), null);

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void Days_in_prague_winter_start_an_hour_before_utc_midnight()
    {
        var (from, to) = AuditPeriod.ToUtc(new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 10), Prague);

        Assert.Equal(new DateTimeOffset(2026, 1, 9, 23, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 23, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void A_day_when_summer_time_starts_is_23_hours_long()
    {
        var (from, to) = AuditPeriod.ToUtc(new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 29), Prague);

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void Open_ends_stay_open()
    {
        Assert.Equal((null, null), AuditPeriod.ToUtc(null, null, Prague));
        Assert.Null(AuditPeriod.ToUtc(new DateOnly(2026, 1, 1), null, Prague).ToExclusive);
        Assert.Null(AuditPeriod.ToUtc(null, new DateOnly(2026, 1, 1), Prague).FromInclusive);
    }

    [Fact]
    public void A_zone_whose_midnight_does_not_exist_starts_the_day_at_its_first_instant()
    {
        // Clocks jump from 00:00 to 01:00 here at the start of summer time.
        var zone = TimeZoneInfo.CreateCustomTimeZone("Midnight jump", TimeSpan.Zero, "Midnight jump", "Midnight jump", "Midnight summer",
            [TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 0, 0), 4, 1),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 0, 0), 10, 1))]);

        var (from, _) = AuditPeriod.ToUtc(new DateOnly(2026, 4, 1), null, zone);

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), from);
    }
}
