using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Notifications;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Notifications;
using SoftTargets.Core.Mail;
using SoftTargets.Core.Security;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Notifications;

/// <summary>
/// The reminders about a site as a whole: a newer methodology version that would change its plan, and a drill coming due.
/// Like <see cref="RemindersTests"/>, each test first lets the job remind of what the demo data already has due.
/// </summary>
public sealed class PlanAndDrillRemindersTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string ArenaSecurity = "security@arenaplus.example";
    private const string Stadium = "Slezská aréna";
    private const string School = "ZŠ Lipová – hlavní budova";

    [Fact]
    public async Task A_newer_version_that_changes_a_sites_plan_is_reminded_once_to_each_manager_and_not_for_a_site_it_leaves_alone()
    {
        await BaselineAsync();
        var versionId = await PublishStadiumOnlyVersionAsync();
        Fixture.Mail.Clear();
        var stadium = await SiteIdAsync(Stadium);
        var school = await SiteIdAsync(School);

        await RunAsync();
        await RunAsync();

        await using var db = Fixture.NewDbContext();
        var made = await db.Notifications.Where(n => n.Kind == NotificationKind.NewMethodologyVersion).ToListAsync();
        Assert.All(made, n => Assert.Equal(stadium, n.SiteId));
        Assert.Equal(2, made.Count); // the two venue managers of the arena's organisation
        Assert.All(made, n => Assert.Equal(Notification.PairSubject(stadium, versionId), n.SubjectId));
        Assert.DoesNotContain(made, n => n.SiteId == school);
        var mail = await Fixture.Mail.LatestToAsync(ArenaManager);
        Assert.Contains(Stadium, mail.Subject);
        Assert.Contains("version 2", mail.TextBody);
        Assert.Single(Fixture.Mail.To(ArenaManager));
        Assert.Single(Fixture.Mail.To(ArenaSecurity));
        Assert.Empty(Fixture.Mail.To(SchoolManager));
    }

    [Fact]
    public async Task A_drill_that_stops_counting_within_the_due_soon_days_is_reminded_once_across_two_runs()
    {
        await BaselineAsync();
        var stadium = await SiteIdAsync(Stadium);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var db = Fixture.NewDbContext())
            await db.PlaybookRuns.Where(r => r.SiteId == stadium && r.Kind == RunKind.Drill)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.HeldOn, today.AddYears(-1).AddDays(3)));

        await RunAsync();
        await RunAsync();

        await using var check = Fixture.NewDbContext();
        var made = await check.Notifications.Where(n => n.Kind == NotificationKind.DrillDue && n.SiteId == stadium).ToListAsync();
        Assert.Equal(2, made.Count);
        Assert.All(made, n => Assert.Equal(today.AddDays(3), n.Occasion));
        var mail = await Fixture.Mail.LatestToAsync(ArenaManager);
        Assert.Contains(Stadium, mail.Subject);
        Assert.Single(Fixture.Mail.To(ArenaManager));
    }

    [Fact]
    public async Task A_site_with_a_recent_drill_gets_no_drill_reminder_while_a_site_that_never_held_one_does_once()
    {
        Fixture.Mail.Clear();
        var stadium = await SiteIdAsync(Stadium);
        var school = await SiteIdAsync(School);

        await RunAsync();
        await RunAsync();

        await using var db = Fixture.NewDbContext();
        var drills = await db.Notifications.Where(n => n.Kind == NotificationKind.DrillDue).ToListAsync();
        Assert.DoesNotContain(drills, n => n.SiteId == stadium);
        Assert.Single(drills, n => n.SiteId == school);
        Assert.Single(Fixture.Mail.To(SchoolManager), m => (m.Subject ?? "").Contains("cvičení") || (m.Subject ?? "").Contains("drill"));
    }

    [Fact]
    public async Task With_drill_mail_turned_off_and_the_digest_on_the_manager_gets_the_drill_reminder_only_in_the_app()
    {
        Fixture.Mail.Clear();
        await Fixture.AsAsync<NotificationCenter>(SchoolManager, c => c.SaveChoicesAsync(new NotificationChoices(
            Enum.GetValues<NotificationKind>().Where(k => k != NotificationKind.DrillDue).ToHashSet(), WeeklyDigest: true)));
        var school = await SiteIdAsync(School);

        await RunAsync();

        var mine = await Fixture.AsAsync<IReadOnlyList<NotificationView>, NotificationCenter>(SchoolManager, c => c.ListAsync());
        Assert.Contains(mine, n => n.Kind == NotificationKind.DrillDue && n.SiteId == school);
        await using var db = Fixture.NewDbContext();
        Assert.Equal(NotificationMail.None, await db.Notifications.Where(n => n.Kind == NotificationKind.DrillDue && n.SiteId == school).Select(n => n.Mail).SingleAsync());
        Assert.DoesNotContain(Fixture.Mail.To(SchoolManager), m => (m.TextBody ?? "").Contains("drill") || (m.TextBody ?? "").Contains("cvičení"));
    }

    /// <summary>Version 2 with one more measure that applies only to stadiums: the stadium's plan changes, the school's does not.</summary>
    private async Task<Guid> PublishStadiumOnlyVersionAsync()
    {
        await using var db = Fixture.NewDbContext();
        var published = await db.MethodologyVersions.AsNoTracking().SingleAsync(v => v.Status == MethodologyVersionStatus.Published);
        var draftId = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(published.MethodologyId));
        var draft = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
        var content = draft.Content with
        {
            Measures =
            [
                .. draft.Content.Measures,
                new MeasureTemplate
                {
                    Key = "ACC-90", Category = "AccessControl", Role = "security-lead",
                    Title = new LocalizedText("Stewards at every turnstile", "Pořadatelé u každého turniketu"),
                    Guidance = new LocalizedText("One steward per turnstile.", "U každého turniketu pořadatel."),
                    Evidence = new LocalizedText("Roster", "Rozpis"),
                    AppliesWhen = new Condition { VenueTypeIn = ["stadium"] },
                },
            ],
        };
        var version = await Fixture.AsAsync<uint, MethodologyAuthoring>(Editor, a => a.SaveAsync(draftId, content, draft.Version));
        await Fixture.AsAsync<MethodologyAuthoring>(Editor, a => a.PublishAsync(draftId, "Stewards at turnstiles.", version));
        return draftId;
    }

    /// <summary>Reminds of what the demo data has due, then forgets the mail it sent.</summary>
    private async Task BaselineAsync()
    {
        await RunAsync();
        Fixture.Mail.Clear();
    }

    private async Task<RemindersRun> RunAsync()
    {
        using var system = SystemScope.Begin();
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var reminders = new Reminders(services.GetRequiredService<IDbContextFactory<SoftTargetsDbContext>>(), services.GetRequiredService<ICurrentUser>(),
            TimeProvider.System, services.GetRequiredService<IMailSender>(), services.GetRequiredService<IOptions<SmtpSettings>>(),
            NullLogger<Reminders>.Instance, services.GetRequiredService<HybridCache>());
        return await reminders.RunAsync();
    }
}
