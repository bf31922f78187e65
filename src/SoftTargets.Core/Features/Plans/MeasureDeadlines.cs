using SoftTargets.Core.Domain.Plans;

namespace SoftTargets.Core.Features.Plans;

/// <summary>When a tracked measure is late. Dates are whole days: a measure due today is still on time.</summary>
public static class MeasureDeadlines
{
    /// <summary>Today's date in UTC, the same day every reader and the database queries use.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The due date has passed and the measure is neither implemented nor set aside as not applicable.</summary>
    public static bool IsOverdue(MeasureStatus status, DateOnly? dueDate, DateOnly today) =>
        dueDate < today && status is not (MeasureStatus.Implemented or MeasureStatus.NotApplicable);

    /// <summary>The next review date has passed, whatever the status: an implemented measure still needs checking.</summary>
    public static bool IsReviewOverdue(DateOnly? nextReview, DateOnly today) => nextReview < today;
}
