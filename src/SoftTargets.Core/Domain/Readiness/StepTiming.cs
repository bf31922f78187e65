namespace SoftTargets.Core.Domain.Readiness;

/// <summary>
/// The time-target arithmetic, in one place for the runner, the review, the figures and their SQL.
/// A step is late when it was done more than its target after the start (exactly on the target is in
/// time); a step without a target is never late.
/// </summary>
public static class StepTiming
{
    /// <summary>Whole seconds from the start, never negative (a tick cannot precede the start).</summary>
    public static int ElapsedSeconds(DateTimeOffset start, DateTimeOffset at) =>
        (int)Math.Clamp(Math.Floor((at - start).TotalSeconds), 0, int.MaxValue);

    public static bool IsLate(int? targetMinutes, int elapsedSeconds) =>
        targetMinutes is { } target && elapsedSeconds > target * 60;

    /// <summary>A step not yet done whose target has passed: the runner marks it.</summary>
    public static bool IsPastTarget(int? targetMinutes, DateTimeOffset start, DateTimeOffset now) =>
        IsLate(targetMinutes, ElapsedSeconds(start, now));

    public static StepOutcome OutcomeOf(int? targetMinutes, int? elapsedSeconds) => elapsedSeconds switch
    {
        null => StepOutcome.Missed,
        { } elapsed when IsLate(targetMinutes, elapsed) => StepOutcome.Late,
        _ => StepOutcome.Done,
    };

    /// <summary>The SQL twin of <see cref="IsLate"/> over a "RunSteps" row aliased <paramref name="alias"/>.</summary>
    public static string LateSql(string alias) =>
        $"""({alias}."TargetMinutes" IS NOT NULL AND {alias}."ElapsedSeconds" > {alias}."TargetMinutes" * 60)""";
}
