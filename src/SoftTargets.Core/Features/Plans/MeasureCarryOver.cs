using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;

namespace SoftTargets.Core.Features.Plans;

/// <summary>What a measure's tracked state looks like before a new revision: enough to decide what changes.</summary>
public readonly record struct TrackedApplicability(bool IsApplicable, MeasurePriority Priority);

/// <summary>How a new plan revision changes the tracked measures of a site.</summary>
public sealed record MeasureChanges(
    IReadOnlyList<GuidelineMeasure> Added,
    IReadOnlyList<(string Key, bool IsApplicable, MeasurePriority Priority)> Changed);

/// <summary>
/// The carry-over rule of plan revisions: tracked state is kept by stable measure key; a measure that
/// newly applies starts being tracked; one that stops applying, or that the methodology no longer
/// has, stays on record (with its evidence) as not applicable.
/// </summary>
public static class MeasureCarryOver
{
    public static MeasureChanges Decide(Guideline guideline, IReadOnlyDictionary<string, TrackedApplicability> tracked)
    {
        var added = new List<GuidelineMeasure>();
        var changed = new List<(string, bool, MeasurePriority)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in guideline.Measures)
        {
            seen.Add(measure.Key);
            if (tracked.TryGetValue(measure.Key, out var state))
            {
                if (state.IsApplicable != measure.Applies || state.Priority != measure.Priority)
                    changed.Add((measure.Key, measure.Applies, measure.Priority));
            }
            else if (measure.Applies) added.Add(measure);
        }
        foreach (var (key, state) in tracked)
            if (!seen.Contains(key) && state.IsApplicable) changed.Add((key, false, state.Priority));
        return new MeasureChanges(added, changed);
    }
}
