using SoftTargets.Core.Domain.Plans;

namespace SoftTargets.Core.Features.Plans;

/// <summary>
/// The measures of one category, in the methodology's order, with how many of them are done.
/// <see cref="Key"/> is the category's value as text, stable for anchors and collapsed state.
/// </summary>
public sealed record MeasureGroup(string Key, IReadOnlyList<PlanMeasureView> Measures)
{
    public int Total => Measures.Count;

    public int Done => Measures.Count(m => m.Tracked is { } tracked && MeasureGroups.IsDone(tracked.Status));
}

/// <summary>How the plan page groups its measures: by category, groups in the order their first measure appears.</summary>
public static class MeasureGroups
{
    /// <summary>A measure is done when it is implemented or set aside as not applicable with a justification.</summary>
    public static bool IsDone(MeasureStatus status) => status is MeasureStatus.Implemented or MeasureStatus.NotApplicable;

    public static IReadOnlyList<MeasureGroup> Of(IEnumerable<PlanMeasureView> measures) =>
        measures.GroupBy(m => m.Category)
            .Select(g => new MeasureGroup(g.Key.ToString(), g.ToList()))
            .ToList();
}
