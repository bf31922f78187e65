using SoftTargets.Core.Domain.Notifications;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Notifications;

namespace SoftTargets.UnitTests.Features.Notifications;

/// <summary>What is due for a reminder, and how a new reminder's mail goes out.</summary>
public class RemindersDueTests
{
    private static readonly DateOnly Today = new(2026, 12, 3); // a Thursday

    [Theory]
    [InlineData(0, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    [InlineData(-1, false)]
    public void An_open_measure_is_due_soon_from_today_to_seven_days_ahead(int days, bool dueSoon) =>
        Assert.Equal(dueSoon, ComplianceRules.IsMeasureDueSoon(MeasureStatus.InProgress, Today.AddDays(days), Today));

    [Theory]
    [InlineData(MeasureStatus.Implemented)]
    [InlineData(MeasureStatus.NotApplicable)]
    public void A_finished_or_set_aside_measure_is_neither_due_soon_nor_overdue(MeasureStatus status)
    {
        Assert.False(ComplianceRules.IsMeasureDueSoon(status, Today.AddDays(2), Today));
        Assert.False(ComplianceRules.IsOverdue(status, Today.AddDays(-2), Today));
    }

    [Fact]
    public void A_measure_without_a_due_date_is_never_due_soon() =>
        Assert.False(ComplianceRules.IsMeasureDueSoon(MeasureStatus.NotStarted, null, Today));

    [Fact]
    public void The_due_soon_filter_agrees_with_the_rule()
    {
        var filter = ComplianceRules.Where.MeasureIsDueSoon(Today).Compile();
        foreach (var status in Enum.GetValues<MeasureStatus>())
            foreach (var days in new[] { -1, 0, 3, 7, 8 })
            {
                var measure = new PlanMeasure(Guid.NewGuid(), "m", Core.Domain.Methodology.MeasurePriority.Essential, isApplicable: true);
                measure.Assign("", Today.AddDays(days), 12, null);
                measure.ChangeStatus(status, "set aside", "test", DateTimeOffset.UtcNow);
                Assert.Equal(ComplianceRules.IsMeasureDueSoon(status, Today.AddDays(days), Today), filter(measure));
            }
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-30")] // Monday
    [InlineData("2026-12-03", "2026-11-30")] // Thursday
    [InlineData("2026-12-06", "2026-11-30")] // Sunday
    [InlineData("2026-12-07", "2026-12-07")] // next Monday
    public void A_digest_week_runs_from_monday_to_sunday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), Reminders.WeekOf(DateOnly.Parse(day)));

    [Fact]
    public void Without_saved_preferences_every_reminder_is_mailed_on_its_own() =>
        Assert.All(Enum.GetValues<NotificationKind>(), k => Assert.Equal(NotificationMail.Pending, Reminders.MailFor(null, k)));

    [Fact]
    public void A_kind_turned_off_is_not_mailed_and_the_others_wait_for_the_digest_when_chosen()
    {
        var preferences = new NotificationPreferences("u");
        preferences.Change([NotificationKind.ReviewDueSoon], weeklyDigest: true);

        Assert.Equal(NotificationMail.None, Reminders.MailFor(preferences, NotificationKind.ReviewDueSoon));
        Assert.Equal(NotificationMail.Digest, Reminders.MailFor(preferences, NotificationKind.MeasureOverdue));
    }

    [Fact]
    public void A_reminder_mail_is_written_in_the_recipients_language_and_links_to_the_plan()
    {
        var site = Guid.NewGuid();
        var item = new ReminderMails.Item(NotificationKind.MeasureOverdue, "Evakuační plán", "Arena", site, new DateOnly(2026, 12, 2));

        var cs = ReminderMails.Single("a@mail.example", "Jana", "cs", item, "https://app.example/");
        var en = ReminderMails.Single("a@mail.example", "Jana", "en", item with { Title = "Evacuation plan" }, "https://app.example");

        Assert.Equal("Opatření po termínu: Evakuační plán", cs.Subject);
        Assert.Contains("2. 12. 2026", cs.TextBody);
        Assert.Equal("Measure overdue: Evacuation plan", en.Subject);
        Assert.Contains($"https://app.example/sites/{site}/plan", en.TextBody);
        Assert.Contains("https://app.example/notifications", en.HtmlBody);
    }
}
