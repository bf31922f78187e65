using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Features.Compliance;

namespace SoftTargets.UnitTests.Features.Compliance;

public class FindingInputTests
{
    private static readonly DateOnly Today = new(2026, 5, 10);

    private static FindingInput Input(DateOnly dueDate) => new(FindingSeverity.Medium, "No kit at gate B", "", dueDate);

    [Fact]
    public void A_new_finding_due_today_is_valid()
    {
        Assert.Empty(Input(Today).Problems(Today, isNew: true));
    }

    [Fact]
    public void A_new_finding_due_yesterday_is_refused_in_both_languages()
    {
        var problems = Input(Today.AddDays(-1)).Problems(Today, isNew: true);

        var problem = Assert.Single(problems);
        Assert.Equal(nameof(FindingInput.DueDate), problem.Key);
        Assert.Contains("past", problem.Value.En);
        Assert.Contains("minulosti", problem.Value.Cs);
    }

    [Fact]
    public void An_edited_finding_may_keep_a_due_date_that_has_passed()
    {
        Assert.Empty(Input(Today.AddDays(-1)).Problems(Today, isNew: false));
    }

    [Fact]
    public void A_blank_title_and_an_unknown_severity_are_reported_together()
    {
        var problems = new FindingInput((FindingSeverity)42, " ", "", Today).Problems(Today, isNew: true);

        Assert.Equal(FindingMessages.TitleRequired, problems[nameof(FindingInput.Title)]);
        Assert.Equal(FindingMessages.SeverityRequired, problems[nameof(FindingInput.Severity)]);
    }
}
