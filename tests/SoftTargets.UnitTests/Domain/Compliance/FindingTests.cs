using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Features.Compliance;

namespace SoftTargets.UnitTests.Domain.Compliance;

public class FindingTests
{
    private static readonly DateOnly Today = new(2026, 5, 10);
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 8, 0, 0, TimeSpan.Zero);

    private static Finding NewFinding(DateOnly? dueDate = null) =>
        new(Guid.NewGuid(), null, "auditor-1", FindingSeverity.High, "No lockdown drill", "No drill in 2025.", dueDate ?? Today);

    [Fact]
    public void A_new_finding_is_open_with_trimmed_text()
    {
        var finding = new Finding(Guid.NewGuid(), null, "auditor-1", FindingSeverity.Low, "  Title  ", "  Text  ", Today);

        Assert.Equal(FindingStatus.Open, finding.Status);
        Assert.Equal("Title", finding.Title);
        Assert.Equal("Text", finding.Text);
    }

    [Fact]
    public void A_finding_needs_a_title()
    {
        var ex = Assert.Throws<ValidationFailedException>(() =>
            new Finding(Guid.NewGuid(), null, "auditor-1", FindingSeverity.Low, " ", "text", Today));

        Assert.Contains(nameof(Finding.Title), ex.Errors.Keys);
    }

    [Fact]
    public void An_open_finding_due_before_today_is_overdue()
    {
        Assert.True(NewFinding(Today.AddDays(-1)).IsOverdue(Today));
    }

    [Fact]
    public void An_answered_finding_due_before_today_is_still_overdue()
    {
        var finding = NewFinding(Today.AddDays(-1));
        finding.Respond("Drill planned.", Now);

        Assert.True(finding.IsOverdue(Today));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_finding_due_today_or_later_is_not_overdue(int daysFromToday)
    {
        Assert.False(NewFinding(Today.AddDays(daysFromToday)).IsOverdue(Today));
    }

    [Fact]
    public void A_closed_finding_is_never_overdue()
    {
        var finding = NewFinding(Today.AddDays(-30));
        finding.Respond("Drill held.", Now);
        finding.Close("", Now);

        Assert.False(finding.IsOverdue(Today));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Responding_needs_text(string answer)
    {
        var finding = NewFinding();

        var ex = Assert.Throws<ValidationFailedException>(() => finding.Respond(answer, Now));

        Assert.Contains(nameof(Finding.Answer), ex.Errors.Keys);
        Assert.Equal(FindingStatus.Open, finding.Status);
        Assert.Null(finding.AnsweredAt);
    }

    [Fact]
    public void Responding_sets_the_answer_time_and_answered_status()
    {
        var finding = NewFinding();

        finding.Respond("  A drill was held on 3 May.  ", Now);

        Assert.Equal(FindingStatus.Answered, finding.Status);
        Assert.Equal("A drill was held on 3 May.", finding.Answer);
        Assert.Equal(Now, finding.AnsweredAt);
    }

    [Fact]
    public void Closing_an_answered_finding_sets_status_and_time()
    {
        var finding = NewFinding();
        finding.Respond("Drill held.", Now);

        finding.Close("", Now);

        Assert.Equal(FindingStatus.Closed, finding.Status);
        Assert.Equal(Now, finding.ClosedAt);
    }

    [Fact]
    public void A_closed_finding_cannot_be_edited()
    {
        var finding = NewFinding();
        finding.Close("Checked on a follow-up visit.", Now);

        var ex = Assert.Throws<DomainException>(() => finding.Edit(FindingSeverity.Low, "New title", "New text", Today.AddDays(7)));

        Assert.Equal("FindingClosed", ex.Code);
        Assert.Equal("No lockdown drill", finding.Title);
        Assert.Equal(FindingSeverity.High, finding.Severity);
    }

    [Fact]
    public void A_closed_finding_cannot_be_answered()
    {
        var finding = NewFinding();
        finding.Close("Checked on a follow-up visit.", Now);

        var ex = Assert.Throws<DomainException>(() => finding.Respond("Too late", Now));

        Assert.Equal("FindingClosed", ex.Code);
        Assert.Equal("", finding.Answer);
        Assert.Equal(FindingStatus.Closed, finding.Status);
    }

    [Fact]
    public void An_open_finding_can_be_edited()
    {
        var finding = NewFinding();

        finding.Edit(FindingSeverity.Critical, " Updated ", " More detail ", Today.AddDays(14));

        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("Updated", finding.Title);
        Assert.Equal("More detail", finding.Text);
        Assert.Equal(Today.AddDays(14), finding.DueDate);
    }

    [Fact]
    public void Closing_a_closed_finding_is_refused_and_keeps_the_first_closing_time()
    {
        var finding = NewFinding();
        finding.Close("Checked on a follow-up visit.", Now);

        var ex = Assert.Throws<DomainException>(() => finding.Close("Again", Now.AddDays(3)));

        Assert.Equal("FindingClosed", ex.Code);
        Assert.Equal(Now, finding.ClosedAt);
    }

    [Fact]
    public void An_open_finding_closes_only_with_a_reason()
    {
        var finding = NewFinding();

        var ex = Assert.Throws<ValidationFailedException>(() => finding.Close("  ", Now));

        Assert.Contains("Reason", ex.Errors.Keys);
        Assert.Equal(FindingStatus.Open, finding.Status);
        Assert.Null(finding.ClosedAt);
    }

    [Fact]
    public void Closing_an_open_finding_with_a_reason_keeps_the_reason_in_the_description()
    {
        var finding = NewFinding();

        finding.Close("Checked on a follow-up visit.", Now);

        Assert.Equal(FindingStatus.Closed, finding.Status);
        Assert.EndsWith("Closed 2026-05-10: Checked on a follow-up visit.", finding.Text);
        Assert.StartsWith("No drill in 2025.", finding.Text);
    }

    [Fact]
    public void Reopening_an_answered_finding_makes_it_open_again_with_the_note_and_keeps_the_answer()
    {
        var finding = NewFinding();
        finding.Respond("Drill planned.", Now);

        finding.Reopen("  Planned is not held: send the drill report.  ", Now.AddDays(1));

        Assert.Equal(FindingStatus.Open, finding.Status);
        Assert.Equal("Drill planned.", finding.Answer);
        Assert.EndsWith("Reopened 2026-05-11: Planned is not held: send the drill report.", finding.Text);
        Assert.Null(finding.ClosedAt);
    }

    [Fact]
    public void Reopening_needs_a_note()
    {
        var finding = NewFinding();
        finding.Respond("Drill planned.", Now);

        var ex = Assert.Throws<ValidationFailedException>(() => finding.Reopen(" ", Now));

        Assert.Contains("Note", ex.Errors.Keys);
        Assert.Equal(FindingStatus.Answered, finding.Status);
        Assert.Equal("No drill in 2025.", finding.Text);
    }

    [Fact]
    public void Only_an_answered_finding_can_be_reopened()
    {
        var open = NewFinding();
        var closed = NewFinding();
        closed.Respond("Done.", Now);
        closed.Close("", Now);

        Assert.Equal("FindingNotAnswered", Assert.Throws<DomainException>(() => open.Reopen("More please", Now)).Code);
        Assert.Equal("FindingNotAnswered", Assert.Throws<DomainException>(() => closed.Reopen("More please", Now)).Code);
        Assert.Equal(FindingStatus.Closed, closed.Status);
    }

    [Fact]
    public void A_reopened_finding_can_be_answered_again_and_then_closed()
    {
        var finding = NewFinding();
        finding.Respond("Drill planned.", Now);
        finding.Reopen("Send the report.", Now);

        finding.Respond("Report attached to measure RES-01.", Now.AddDays(2));
        finding.Close("", Now.AddDays(3));

        Assert.Equal(FindingStatus.Closed, finding.Status);
        Assert.Equal("Report attached to measure RES-01.", finding.Answer);
        Assert.Equal(Now.AddDays(3), finding.ClosedAt);
    }

    [Fact]
    public void A_reopened_finding_past_its_due_date_is_overdue_again()
    {
        var finding = NewFinding(Today.AddDays(-1));
        finding.Respond("Done.", Now);
        finding.Reopen("Not enough.", Now);

        Assert.True(finding.IsOverdue(Today));
        Assert.False(finding.IsOverdue(Today.AddDays(-1)));
    }

    [Fact]
    public void A_title_longer_than_300_characters_is_refused()
    {
        var ex = Assert.Throws<ValidationFailedException>(() =>
            new Finding(Guid.NewGuid(), null, "auditor-1", FindingSeverity.Low, new string('x', 301), "", Today));

        Assert.Contains(nameof(Finding.Title), ex.Errors.Keys);
    }
}

/// <summary>Overdue is derived, never stored on the finding: the findings are read through the compliance rules.</summary>
file static class FindingOverdue
{
    public static bool IsOverdue(this Finding finding, DateOnly today) => ComplianceRules.IsOverdue(finding.Status, finding.DueDate, today);
}
