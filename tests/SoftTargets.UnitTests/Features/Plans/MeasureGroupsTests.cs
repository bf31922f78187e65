using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Plans;

namespace SoftTargets.UnitTests.Features.Plans;

public sealed class MeasureGroupsTests
{
    [Fact]
    public void Measures_group_by_category_in_the_order_their_first_measure_appears_and_keep_their_own_order()
    {
        var groups = MeasureGroups.Of([
            Measure("ACC-01", "AccessControl"), Measure("GOV-01", "Governance"),
            Measure("ACC-02", "AccessControl"), Measure("GOV-02", "Governance"), Measure("DET-01", "Detection"),
        ]);

        Assert.Equal(["AccessControl", "Governance", "Detection"], groups.Select(g => g.Key));
        Assert.Equal(["ACC-01", "ACC-02"], groups[0].Measures.Select(m => m.Key));
        Assert.Equal(["GOV-01", "GOV-02"], groups[1].Measures.Select(m => m.Key));
    }

    [Fact]
    public void A_group_counts_implemented_and_not_applicable_measures_as_done_out_of_all_of_them()
    {
        var group = Assert.Single(MeasureGroups.Of([
            Measure("ACC-01", "AccessControl", MeasureStatus.Implemented),
            Measure("ACC-02", "AccessControl", MeasureStatus.NotApplicable),
            Measure("ACC-03", "AccessControl", MeasureStatus.InProgress),
            Measure("ACC-04", "AccessControl", MeasureStatus.NotStarted),
            Measure("ACC-05", "AccessControl", status: null),
        ]));

        Assert.Equal(2, group.Done);
        Assert.Equal(5, group.Total);
    }

    [Fact]
    public void No_measures_make_no_groups() => Assert.Empty(MeasureGroups.Of([]));

    [Theory]
    [InlineData(MeasureStatus.Implemented, true)]
    [InlineData(MeasureStatus.NotApplicable, true)]
    [InlineData(MeasureStatus.InProgress, false)]
    [InlineData(MeasureStatus.NotStarted, false)]
    public void Only_implemented_or_not_applicable_is_done(MeasureStatus status, bool done) => Assert.Equal(done, MeasureGroups.IsDone(status));

    private static PlanMeasureView Measure(string key, string category, MeasureStatus? status = MeasureStatus.NotStarted) =>
        new(key, new LocalizedText(key, key), category, MeasurePriority.Essential, "security-lead", new LocalizedText("Lead", "Vedoucí"), new LocalizedText("", ""),
            status is { } s ? new TrackedState(Guid.NewGuid(), s, s == MeasureStatus.NotApplicable ? "No car park" : "", "", null, 12, null, 0, []) : null,
            false, false, new LocalizedText(category, category));
}
