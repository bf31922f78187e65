using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Plans;

namespace SoftTargets.UnitTests.Features.Plans;

public sealed class MeasureBulkUpdateTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Fact]
    public void An_owner_and_a_due_date_for_two_measures_is_a_valid_change() =>
        Assert.Empty(new MeasureBulkUpdate(Owner: "Petra Horáková", DueDate: Today.AddMonths(2)).Problems(2, Today));

    [Fact]
    public void Nothing_chosen_and_nothing_to_change_are_both_said() =>
        Assert.Equal(["Measures", "Changes"], new MeasureBulkUpdate().Problems(0, Today).Keys);

    [Theory]
    [InlineData(-1)]
    [InlineData(3653 + 3)]
    public void A_due_date_before_today_or_more_than_ten_years_ahead_is_refused(int days)
    {
        var problems = new MeasureBulkUpdate(DueDate: Today.AddDays(days)).Problems(1, Today);

        Assert.Equal(["DueDate"], problems.Keys);
        Assert.False(string.IsNullOrWhiteSpace(problems["DueDate"].Cs));
    }

    [Fact]
    public void Today_and_ten_years_ahead_are_allowed_due_dates()
    {
        Assert.Empty(new MeasureBulkUpdate(DueDate: Today).Problems(1, Today));
        Assert.Empty(new MeasureBulkUpdate(DueDate: Today.AddYears(10)).Problems(1, Today));
    }

    [Fact]
    public void An_unknown_status_or_not_applicable_without_a_reason_is_refused()
    {
        Assert.Equal(["Status"], new MeasureBulkUpdate(Status: (MeasureStatus)42).Problems(1, Today).Keys);
        Assert.Equal(["Justification"], new MeasureBulkUpdate(Status: MeasureStatus.NotApplicable, Justification: " ").Problems(1, Today).Keys);
        Assert.Empty(new MeasureBulkUpdate(Status: MeasureStatus.NotApplicable, Justification: "No car park").Problems(1, Today));
    }

    [Fact]
    public void An_owner_longer_than_200_characters_is_refused() =>
        Assert.Equal(["Owner"], new MeasureBulkUpdate(Owner: new string('x', 201)).Problems(1, Today).Keys);
}
