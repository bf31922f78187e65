using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Plans;

namespace SoftTargets.UnitTests.Features.Plans;

public class MeasureCarryOverTests
{
    private static GuidelineMeasure Measure(string key, bool applies, MeasurePriority priority = MeasurePriority.Essential) =>
        new(key, applies, new LocalizedText("", ""), "Governance", priority, "security-lead", 12, new LocalizedText(key, key));

    [Fact]
    public void Newly_applicable_measures_are_added_and_unchanged_ones_left_alone()
    {
        var guideline = new Guideline { Measures = [Measure("A", true), Measure("B", true), Measure("C", false)] };
        var tracked = new Dictionary<string, TrackedApplicability> { ["A"] = new(true, MeasurePriority.Essential) };

        var changes = MeasureCarryOver.Decide(guideline, tracked);

        Assert.Equal(["B"], changes.Added.Select(m => m.Key));
        Assert.Empty(changes.Changed);
    }

    [Fact]
    public void Measures_that_stop_applying_change_priority_or_disappear_are_changed_not_removed()
    {
        var guideline = new Guideline { Measures = [Measure("A", false), Measure("B", true, MeasurePriority.Enhanced), Measure("D", true)] };
        var tracked = new Dictionary<string, TrackedApplicability>
        {
            ["A"] = new(true, MeasurePriority.Essential),
            ["B"] = new(true, MeasurePriority.Essential),
            ["D"] = new(false, MeasurePriority.Essential),
            ["GONE"] = new(true, MeasurePriority.Recommended),
            ["OLD"] = new(false, MeasurePriority.Recommended),
        };

        var changes = MeasureCarryOver.Decide(guideline, tracked);

        Assert.Empty(changes.Added);
        Assert.Equal(
            [("A", false, MeasurePriority.Essential), ("B", true, MeasurePriority.Enhanced), ("D", true, MeasurePriority.Essential), ("GONE", false, MeasurePriority.Recommended)],
            changes.Changed.OrderBy(c => c.Key));
    }
}
