using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Readiness;

namespace SoftTargets.Core.Features.Readiness;

/// <summary>One thing that was done, in the order it was done.</summary>
public sealed record TimelineEntry(DateTimeOffset At, int ElapsedSeconds, string StepKey, IncidentPhase Phase, LocalizedText Text,
    string DoneBy, string SignedOffBy, string Note);

/// <summary>
/// A step's target against what happened. <see cref="Outcome"/> is null while the run goes on and the step is not
/// yet done: it is not missed until the run has finished.
/// </summary>
public sealed record StepResult(string Key, int Order, IncidentPhase Phase, Procedure Procedure, LocalizedText Role, LocalizedText Text,
    int? TargetMinutes, int? ElapsedSeconds, StepOutcome? Outcome, bool IsReopeningCriterion, string SignedOffBy, string Note);

public sealed record ReviewCounts(int Done, int Late, int Missed, int NotYetDone);

/// <summary>An incident's reopening criterion (a P4–P5 step) and who signed it off.</summary>
public sealed record ReopeningCriterion(string Key, IncidentPhase Phase, LocalizedText Text, string SignedOffBy, DateTimeOffset? SignedAt);

/// <summary>
/// The arithmetic of an after-action review, from the run alone: the timeline, the outcome of each step, the counts
/// and who took part. Late and missed come from <see cref="StepTiming"/>, the one definition the runner and the figures use.
/// </summary>
public static class ReviewFacts
{
    public static IReadOnlyList<TimelineEntry> Timeline(PlaybookRun run) =>
        run.Steps.Where(s => s.DoneAt is not null)
            .OrderBy(s => s.DoneAt).ThenBy(s => s.Order)
            .Select(s => new TimelineEntry(s.DoneAt!.Value, s.ElapsedSeconds ?? StepTiming.ElapsedSeconds(run.StartedAt, s.DoneAt.Value),
                s.Key, s.Phase, s.Text, s.DoneBy, s.SignedOffBy, s.Note))
            .ToList();

    public static IReadOnlyList<StepResult> Steps(PlaybookRun run) =>
        run.Steps.OrderBy(s => s.Order)
            .Select(s => new StepResult(s.Key, s.Order, s.Phase, s.Procedure, s.RoleName, s.Text, s.TargetMinutes, s.ElapsedSeconds,
                OutcomeOf(run, s), PlaybookRun.IsReopeningCriterion(run.Kind, s.Phase), s.SignedOffBy, s.Note))
            .ToList();

    /// <summary>The recorded outcome of a finished run; while it goes on, done steps are judged and undone ones are not yet anything.</summary>
    public static StepOutcome? OutcomeOf(PlaybookRun run, RunStep step) =>
        run.IsFinished
            ? step.Outcome ?? StepTiming.OutcomeOf(step.TargetMinutes, step.ElapsedSeconds)
            : step.ElapsedSeconds is null ? null : StepTiming.OutcomeOf(step.TargetMinutes, step.ElapsedSeconds);

    public static ReviewCounts Count(IEnumerable<StepResult> steps)
    {
        var list = steps.ToList();
        return new ReviewCounts(list.Count(s => s.Outcome == StepOutcome.Done), list.Count(s => s.Outcome == StepOutcome.Late),
            list.Count(s => s.Outcome == StepOutcome.Missed), list.Count(s => s.Outcome is null));
    }

    /// <summary>Everyone who ticked a step and every named person who signed a criterion off, each once, in alphabetical order.</summary>
    public static IReadOnlyList<string> Participants(PlaybookRun run) =>
        run.Steps.Select(s => s.DoneBy).Concat(run.Steps.Select(s => s.SignedOffBy))
            .Select(name => (name ?? "").Trim()).Where(name => name.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.CurrentCultureIgnoreCase)
            .ToList();

    public static IReadOnlyList<ReopeningCriterion> Criteria(PlaybookRun run) =>
        run.Steps.Where(s => PlaybookRun.IsReopeningCriterion(run.Kind, s.Phase)).OrderBy(s => s.Order)
            .Select(s => new ReopeningCriterion(s.Key, s.Phase, s.Text, s.SignedOffBy, s.DoneAt))
            .ToList();

    /// <summary>Elapsed time as minutes and seconds, "mm:ss"; minutes go on past 59 ("75:03"), as a clock since the start does.</summary>
    public static string Elapsed(int seconds)
    {
        seconds = Math.Max(0, seconds);
        return $"{seconds / 60:00}:{seconds % 60:00}";
    }

    /// <summary>A duration split into whole days, hours and minutes (seconds dropped), for "2 d 3 h 15 min".</summary>
    public static (int Days, int Hours, int Minutes) Parts(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) duration = TimeSpan.Zero;
        return (duration.Days, duration.Hours, duration.Minutes);
    }
}
