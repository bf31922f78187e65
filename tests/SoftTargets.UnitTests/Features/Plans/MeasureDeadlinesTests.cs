using SoftTargets.Core.Features.Plans;

namespace SoftTargets.UnitTests.Features.Plans;

public sealed class MeasureDeadlinesTests
{
    [Fact]
    public void Today_is_the_utc_date_of_the_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 15, 23, 30, 0, TimeSpan.FromHours(-2)));

        Assert.Equal(new DateOnly(2026, 3, 16), MeasureDeadlines.Today(clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
