namespace SoftTargets.Core.Features.Plans;

/// <summary>The day deadlines are measured against; when a measure is late is <c>ComplianceRules</c>.</summary>
public static class MeasureDeadlines
{
    /// <summary>Today's date in UTC, the same day every reader and the database queries use.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
