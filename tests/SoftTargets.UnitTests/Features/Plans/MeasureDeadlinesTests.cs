using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Plans;

namespace SoftTargets.UnitTests.Features.Plans;

public sealed class MeasureDeadlinesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Theory]
    [InlineData(MeasureStatus.NotStarted)]
    [InlineData(MeasureStatus.InProgress)]
    public void An_open_measure_past_its_due_date_is_overdue(MeasureStatus status) =>
        Assert.True(MeasureDeadlines.IsOverdue(status, Today.AddDays(-1), Today));

    [Fact]
    public void A_measure_due_today_is_not_overdue_yet() =>
        Assert.False(MeasureDeadlines.IsOverdue(MeasureStatus.NotStarted, Today, Today));

    [Theory]
    [InlineData(MeasureStatus.Implemented)]
    [InlineData(MeasureStatus.NotApplicable)]
    public void A_finished_or_set_aside_measure_is_never_overdue(MeasureStatus status) =>
        Assert.False(MeasureDeadlines.IsOverdue(status, Today.AddYears(-1), Today));

    [Fact]
    public void A_measure_without_a_due_date_is_not_overdue() =>
        Assert.False(MeasureDeadlines.IsOverdue(MeasureStatus.NotStarted, null, Today));

    [Fact]
    public void A_review_is_overdue_the_day_after_its_date_whatever_the_status()
    {
        Assert.False(MeasureDeadlines.IsReviewOverdue(Today, Today));
        Assert.True(MeasureDeadlines.IsReviewOverdue(Today.AddDays(-1), Today));
        Assert.False(MeasureDeadlines.IsReviewOverdue(null, Today));
    }

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
