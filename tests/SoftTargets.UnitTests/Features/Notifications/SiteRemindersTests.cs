using SoftTargets.Core.Domain.Notifications;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Notifications;

namespace SoftTargets.UnitTests.Features.Notifications;

/// <summary>The reminders about a site as a whole: a drill coming due, a new methodology version.</summary>
public class SiteRemindersTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void A_site_that_never_held_a_drill_needs_one() => Assert.True(ComplianceRules.IsDrillDue(null, Today));

    [Theory]
    [InlineData(-90, false)]   // held three months ago
    [InlineData(-357, false)]  // stops counting in eight days
    [InlineData(-358, true)]   // stops counting in seven days: within the due-soon days
    [InlineData(-365, true)]   // stops counting today
    [InlineData(-400, true)]   // no longer counts
    public void A_drill_is_due_when_the_last_one_stops_counting_within_the_due_soon_days(int heldDaysAgo, bool due) =>
        Assert.Equal(due, ComplianceRules.IsDrillDue(Today.AddDays(heldDaysAgo), Today));

    [Fact]
    public void A_drill_stops_counting_on_the_day_the_compliance_rule_drops_it()
    {
        var held = new DateOnly(2025, 12, 10);
        var stops = ComplianceRules.DrillStopsCounting(held);
        Assert.True(ComplianceRules.CountsAsRecentDrill(RunKind.Drill, true, held, stops.AddDays(-1)));
        Assert.False(ComplianceRules.CountsAsRecentDrill(RunKind.Drill, true, held, stops));
    }

    [Fact]
    public void The_subject_of_a_site_and_version_pair_is_the_same_every_time_and_differs_by_version()
    {
        Guid site = Guid.NewGuid(), version = Guid.NewGuid(), next = Guid.NewGuid();
        Assert.Equal(Notification.PairSubject(site, version), Notification.PairSubject(site, version));
        Assert.NotEqual(Notification.PairSubject(site, version), Notification.PairSubject(site, next));
        Assert.NotEqual(Notification.PairSubject(site, version), Notification.PairSubject(version, site));
    }

    [Theory]
    [InlineData(NotificationKind.NewMethodologyVersion, "", "/plan")]
    [InlineData(NotificationKind.DrillDue, "Arena", "/playbooks")]
    [InlineData(NotificationKind.DrillDue, "", "/playbooks")]
    public void Site_reminders_read_in_both_languages_and_lead_to_the_sites_page(NotificationKind kind, string title, string page)
    {
        var site = Guid.NewGuid();
        var en = ReminderTexts.Line(kind, title, "Arena", Today, cs: false);
        var cs = ReminderTexts.Line(kind, title, "Arena", Today, cs: true);
        Assert.Contains("Arena", en);
        Assert.Contains("Arena", cs);
        Assert.NotEqual(en, cs);
        Assert.EndsWith(page, ReminderTexts.Path(kind, site));
        var mail = ReminderMails.Single("a@example.com", "A", "cs", new ReminderMails.Item(kind, title, "Arena", site, Today), "https://app.example");
        Assert.Contains("Arena", mail.Subject);
    }
}
