using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Features.Plans.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Notifications;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Notifications;
using SoftTargets.Core.Mail;
using SoftTargets.Core.Security;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Web.Features.Notifications;

namespace SoftTargets.IntegrationTests.Notifications;

/// <summary>
/// The reminders job against the demo data and the in-process SMTP server. Each test first lets the job remind of
/// everything the demo data already has due, then changes one measure, so the mails that follow are about that change.
/// </summary>
public sealed class RemindersTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string ArenaSecurity = "security@arenaplus.example";

    [Fact]
    public async Task A_measure_that_becomes_overdue_is_mailed_once_to_each_manager_of_its_organisation_across_two_runs()
    {
        await BaselineAsync();
        var measure = await MakeOverdueAsync(MeasureStatus.InProgress);

        await RunAsync();
        await RunAsync();

        var mail = await Fixture.Mail.LatestToAsync(ArenaManager);
        Assert.Contains(measure.Title, mail.Subject);
        Assert.Single(Fixture.Mail.To(ArenaManager));
        Assert.Single(Fixture.Mail.To(ArenaSecurity));
        Assert.Empty(Fixture.Mail.To(SchoolManager));
        await using var db = Fixture.NewDbContext();
        var made = await db.Notifications.Where(n => n.SubjectId == measure.Id && n.Kind == NotificationKind.MeasureOverdue).ToListAsync();
        Assert.Equal(2, made.Count);
        Assert.All(made, n => Assert.Equal(NotificationMail.Sent, n.Mail));
    }

    [Fact]
    public async Task Two_nodes_running_at_once_send_the_reminder_once()
    {
        await BaselineAsync();
        var measure = await MakeOverdueAsync(MeasureStatus.NotStarted);

        var runs = await Task.WhenAll(Schedule().RunOnceAsync(default), Schedule().RunOnceAsync(default));

        Assert.Contains(runs, r => r is not null);
        await Fixture.Mail.LatestToAsync(ArenaManager);
        Assert.Single(Fixture.Mail.To(ArenaManager));
        Assert.Contains(measure.Title, Fixture.Mail.To(ArenaManager)[0].Subject);
    }

    [Fact]
    public async Task A_node_skips_the_run_while_another_node_holds_the_reminders_lock()
    {
        await BaselineAsync();
        var measure = await MakeOverdueAsync(MeasureStatus.NotStarted);
        await using (var otherNode = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await otherNode.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({ReminderSchedule.LockKey})", otherNode))
                await take.ExecuteNonQueryAsync();

            Assert.Null(await Schedule().RunOnceAsync(default));
            await using var db = Fixture.NewDbContext();
            Assert.False(await db.Notifications.AnyAsync(n => n.SubjectId == measure.Id));
        }
        await AdvisoryLocks.WaitUntilFreeAsync(Fixture.ConnectionString, ReminderSchedule.LockKey);

        Assert.NotNull(await Schedule().RunOnceAsync(default));
        Assert.Single(Fixture.Mail.To(ArenaManager));
    }

    [Fact]
    public async Task An_implemented_measure_past_its_due_date_makes_no_reminder()
    {
        await BaselineAsync();
        var measure = await MakeOverdueAsync(MeasureStatus.Implemented);

        await RunAsync();

        await using var db = Fixture.NewDbContext();
        Assert.False(await db.Notifications.AnyAsync(n => n.SubjectId == measure.Id));
        Assert.Empty(Fixture.Mail.To(ArenaManager));
    }

    [Fact]
    public async Task With_overdue_mail_turned_off_the_manager_sees_the_reminder_in_the_app_but_gets_no_mail()
    {
        await BaselineAsync();
        await Fixture.AsAsync<NotificationCenter>(ArenaManager, c => c.SaveChoicesAsync(new NotificationChoices(
            Enum.GetValues<NotificationKind>().Where(k => k != NotificationKind.MeasureOverdue).ToHashSet(), WeeklyDigest: false)));
        var measure = await MakeOverdueAsync(MeasureStatus.InProgress);

        await RunAsync();

        var mine = await Fixture.AsAsync<IReadOnlyList<NotificationView>, NotificationCenter>(ArenaManager, c => c.ListAsync());
        Assert.Contains(mine, n => n.Kind == NotificationKind.MeasureOverdue && n.Title.En == measure.Title);
        Assert.Empty(Fixture.Mail.To(ArenaManager));
        Assert.Single(Fixture.Mail.To(ArenaSecurity)); // the other manager kept the default
    }

    [Fact]
    public async Task The_weekly_digest_goes_out_once_a_week_listing_the_reminders_made_since_the_last()
    {
        await Fixture.AsAsync<NotificationCenter>(ArenaManager, c => c.SaveChoicesAsync(new NotificationChoices(
            Enum.GetValues<NotificationKind>().ToHashSet(), WeeklyDigest: true)));
        await BaselineAsync();
        var measure = await MakeOverdueAsync(MeasureStatus.InProgress);

        await RunAsync();
        Assert.Empty(Fixture.Mail.To(ArenaManager)); // this week's digest went out with the baseline
        Assert.Single(Fixture.Mail.To(ArenaSecurity));

        await RunAsync(TimeSpan.FromDays(7));
        await RunAsync(TimeSpan.FromDays(7));

        var digest = await Fixture.Mail.LatestToAsync(ArenaManager);
        Assert.Single(Fixture.Mail.To(ArenaManager));
        Assert.Contains(measure.Title, digest.TextBody);
    }

    [Fact]
    public async Task A_failed_send_stays_pending_and_the_next_run_sends_it_once()
    {
        await BaselineAsync();
        var measure = await MakeOverdueAsync(MeasureStatus.InProgress);

        var run = await RunAsync(sender: new FailingSender());
        Assert.True(run.MailFailures > 0);
        await using (var db = Fixture.NewDbContext())
            Assert.All(await db.Notifications.Where(n => n.SubjectId == measure.Id).ToListAsync(), n => Assert.Equal(NotificationMail.Pending, n.Mail));

        await RunAsync();
        await RunAsync();

        Assert.Single(Fixture.Mail.To(ArenaManager));
    }

    [Fact]
    public async Task A_manager_reads_only_their_own_notifications_and_another_persons_reads_as_not_found()
    {
        await BaselineAsync();
        await MakeOverdueAsync(MeasureStatus.InProgress);
        await RunAsync();
        await using var db = Fixture.NewDbContext();
        var securityId = await db.Users.Where(u => u.Email == ArenaSecurity).Select(u => u.Id).SingleAsync();
        var theirs = await db.Notifications.Where(n => n.UserId == securityId).Select(n => n.Id).FirstAsync();

        var mine = await Fixture.AsAsync<IReadOnlyList<NotificationView>, NotificationCenter>(ArenaManager, c => c.ListAsync());
        Assert.DoesNotContain(mine, n => n.Id == theirs);
        await Assert.ThrowsAsync<SoftTargets.Core.Domain.Common.NotFoundException>(() =>
            Fixture.AsAsync<NotificationCenter>(ArenaManager, c => c.MarkReadAsync(theirs)));

        var before = await Fixture.AsAsync<int, NotificationCenter>(ArenaManager, c => c.UnreadCountAsync());
        await Fixture.AsAsync<NotificationCenter>(ArenaManager, c => c.MarkReadAsync(mine[0].Id));
        Assert.Equal(before - 1, await Fixture.AsAsync<int, NotificationCenter>(ArenaManager, c => c.UnreadCountAsync()));
    }

    private sealed record Picked(Guid Id, string Title);

    /// <summary>Reminds of what the demo data has due, then forgets the mail it sent.</summary>
    /// <summary>Reminds of what the demo data has due; those mails are accepted without going over SMTP, as no test reads them.</summary>
    private async Task BaselineAsync()
    {
        await RunAsync(sender: new AcceptingSender());
        Fixture.Mail.Clear();
    }

    /// <summary>An applicable arena measure nothing reminds of yet, now due yesterday in the given state.</summary>
    private async Task<Picked> MakeOverdueAsync(MeasureStatus status)
    {
        await using var db = Fixture.NewDbContext();
        var siteId = await db.Sites.Join(db.Organizations, s => s.OrganizationId, o => o.Id, (s, o) => new { s.Id, o.Name })
            .Where(x => x.Name.StartsWith("ArenaPlus")).Select(x => x.Id).FirstAsync();
        var reminded = db.Notifications.Select(n => n.SubjectId);
        var measure = await db.PlanMeasures.Where(m => m.SiteId == siteId && m.IsApplicable && !reminded.Contains(m.Id)).OrderBy(m => m.MeasureKey).FirstAsync();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        measure.Assign(measure.Owner, yesterday, measure.ReviewMonths, null);
        measure.ChangeStatus(status, "", "test", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        var plan = await db.SitePlans.Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision).FirstAsync();
        return new Picked(measure.Id, (await PlanDocuments.ReadAsync(db, plan)).Measures.First(m => m.Key == measure.MeasureKey).Title.En);
    }

    private ReminderSchedule Schedule() =>
        new(Fixture.Factory.Services.GetRequiredService<IServiceScopeFactory>(), new ConfigurationBuilder().Build(), NullLogger<ReminderSchedule>.Instance);

    /// <summary>One run as the job does it, optionally some days ahead or through another mail sender.</summary>
    private async Task<RemindersRun> RunAsync(TimeSpan ahead = default, IMailSender? sender = null)
    {
        using var system = SystemScope.Begin();
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var reminders = new Reminders(services.GetRequiredService<IDbContextFactory<SoftTargetsDbContext>>(), services.GetRequiredService<ICurrentUser>(),
            new AheadClock(ahead), sender ?? services.GetRequiredService<IMailSender>(), services.GetRequiredService<IOptions<SmtpSettings>>(),
            NullLogger<Reminders>.Instance, services.GetRequiredService<HybridCache>());
        return await reminders.RunAsync();
    }

    private sealed class AheadClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }

    private sealed class AcceptingSender : IMailSender
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class FailingSender : IMailSender
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default) =>
            throw new IOException("The SMTP server is not answering.");
    }
}
