using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Notifications;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Mail;
using SoftTargets.Core.Security;

using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.Core.Features.Notifications;

/// <summary>What one run of the reminders did.</summary>
public sealed record RemindersRun(int Made, int Mailed, int Digests, int MailFailures);

/// <summary>
/// Makes the reminders that are due and mails them. Each run: (1) finds what is due by <see cref="ComplianceRules"/>
/// (overdue measures, measures due within a week, reviews coming due; findings raised or answered in the last week;
/// drills due; a newer published methodology version that would change a site's plan)
/// and records one <see cref="Notification"/> per recipient that does not exist yet: the ledger, unique by person,
/// kind, subject and occasion, so nothing is reminded of twice; (2) mails each notification still pending, one at a
/// time: it is marked sent in a transaction that commits only after the SMTP server accepted the mail, so a failed
/// send leaves it pending and the next run tries again, and a sent one is never sent again; (3) sends the weekly
/// digest to those who chose it, once per calendar week (Monday to Sunday), the same way.
/// Runs as the application (the job holds an advisory lock, so one node at a time).
/// </summary>
public sealed class Reminders(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock,
    IMailSender mail, IOptions<SmtpSettings> smtp, ILogger<Reminders> logger, HybridCache cache)
{
    /// <summary>How far back a finding raised or answered still makes a notification (so a new deployment does not remind of old ones).</summary>
    public const int FindingLookbackDays = 7;

    public async Task<RemindersRun> RunAsync(CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandSystem();
        var made = await MakeAsync(ct);
        var (mailed, failedSingle) = await MailPendingAsync(ct);
        var (digests, failedDigest) = await MailDigestsAsync(ct);
        return new RemindersRun(made, mailed, digests, failedSingle + failedDigest);
    }

    private sealed record Due(NotificationKind Kind, Guid SubjectId, DateOnly Occasion, Guid SiteId, Guid OrganizationId, string SiteName,
        string MeasureKey, string FindingTitle, string? AuthorId, LocalizedText? Title = null);

    private async Task<int> MakeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = MeasureDeadlines.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = new List<Due>();
        due.AddRange(await MeasuresAsync(db, NotificationKind.MeasureOverdue, ComplianceRules.Where.MeasureIsOverdue(today), dueDate: true, ct));
        due.AddRange(await MeasuresAsync(db, NotificationKind.MeasureDueSoon, ComplianceRules.Where.MeasureIsDueSoon(today), dueDate: true, ct));
        due.AddRange(await MeasuresAsync(db, NotificationKind.ReviewDueSoon, ComplianceRules.Where.ReviewIsDueSoon(today), dueDate: false, ct));
        var since = now.AddDays(-FindingLookbackDays);
        due.AddRange(await (from f in db.Findings.AsNoTracking().Where(ComplianceRules.Where.FindingIsOpen())
                            join s in db.Sites on f.SiteId equals s.Id
                            where f.CreatedAt >= since
                            select new Due(NotificationKind.NewFinding, f.Id, DateOnly.FromDateTime(f.CreatedAt.UtcDateTime), s.Id, s.OrganizationId, s.Name, "", f.Title, null))
            .ToListAsync(ct));
        due.AddRange(await (from f in db.Findings.AsNoTracking()
                            join s in db.Sites on f.SiteId equals s.Id
                            where f.AnsweredAt >= since && f.Status == FindingStatus.Answered
                            select new Due(NotificationKind.FindingAnswered, f.Id, DateOnly.FromDateTime(f.AnsweredAt!.Value.UtcDateTime), s.Id, s.OrganizationId, s.Name, "", f.Title, f.AuthorId))
            .ToListAsync(ct));
        due.AddRange(await DrillsDueAsync(db, today, ct));
        due.AddRange(await NewVersionsAsync(db, ct));
        if (due.Count == 0) return 0;

        var managers = await ManagersAsync(db, due.Select(d => d.OrganizationId).Distinct().ToList(), ct);
        var authorIds = due.Where(d => d.AuthorId is not null).Select(d => d.AuthorId!).Distinct().ToList();
        var activeAuthors = (await db.Users.Where(u => authorIds.Contains(u.Id) && u.DeactivatedAt == null).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var recipients = managers.SelectMany(m => m.Value).Concat(activeAuthors).Distinct().ToList();
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => recipients.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        var subjects = due.Select(d => d.SubjectId).Distinct().ToList();
        var existing = (await db.Notifications.AsNoTracking().Where(n => subjects.Contains(n.SubjectId))
            .Select(n => new { n.UserId, n.Kind, n.SubjectId, n.Occasion }).ToListAsync(ct))
            .Select(n => (n.UserId, n.Kind, n.SubjectId, n.Occasion)).ToHashSet();
        var fresh = new List<(Due Item, string UserId)>();
        foreach (var item in due)
        {
            IEnumerable<string> to = item.AuthorId is { } author
                ? activeAuthors.Contains(author) ? [author] : []
                : managers.GetValueOrDefault(item.OrganizationId) ?? [];
            fresh.AddRange(to.Where(userId => existing.Add((userId, item.Kind, item.SubjectId, item.Occasion))).Select(userId => (item, userId)));
        }
        // Titles only for the sites with something new: most runs find nothing new and read no plan.
        var titles = await TitlesAsync(db, cache, fresh.Where(f => f.Item.MeasureKey.Length > 0).Select(f => f.Item.SiteId).Distinct(), ct);
        foreach (var (item, userId) in fresh)
        {
            var (en, cs) = item.Title is { } title ? (title.En, title.Cs)
                : item.MeasureKey.Length > 0
                ? titles.GetValueOrDefault((item.SiteId, item.MeasureKey), (item.MeasureKey, item.MeasureKey))
                : (item.FindingTitle, item.FindingTitle);
            db.Notifications.Add(new Notification(userId, item.Kind, item.SubjectId, item.Occasion, item.SiteId, item.SiteName, en, cs,
                MailFor(preferences.GetValueOrDefault(userId), item.Kind), now));
        }
        var made = fresh.Count;
        await db.SaveChangesAsync(ct);
        return made;
    }

    /// <summary>What becomes of a new notification's mail, by the recipient's preferences (none saved: mailed on its own).</summary>
    public static NotificationMail MailFor(NotificationPreferences? preferences, NotificationKind kind) =>
        preferences is null ? NotificationMail.Pending
        : !preferences.Mails(kind) ? NotificationMail.None
        : preferences.WeeklyDigest ? NotificationMail.Digest
        : NotificationMail.Pending;

    private static async Task<List<Due>> MeasuresAsync(SoftTargetsDbContext db, NotificationKind kind,
        System.Linq.Expressions.Expression<Func<Domain.Plans.PlanMeasure, bool>> rule, bool dueDate, CancellationToken ct) =>
        (await (from m in db.PlanMeasures.AsNoTracking().Where(rule)
                join s in db.Sites on m.SiteId equals s.Id
                select new { m.Id, Date = dueDate ? m.DueDate : m.NextReview, s.OrganizationId, SiteId = s.Id, s.Name, m.MeasureKey })
            .ToListAsync(ct))
        .Where(r => r.Date is not null)
        .Select(r => new Due(kind, r.Id, r.Date!.Value, r.SiteId, r.OrganizationId, r.Name, r.MeasureKey, "", null)).ToList();

    /// <summary>
    /// Sites with a plan that have never held a drill (the occasion: the day the site was created) or whose last finished drill
    /// stops counting within the due-soon days (the occasion: that day), by <see cref="ComplianceRules.IsDrillDue"/>.
    /// </summary>
    private static async Task<List<Due>> DrillsDueAsync(SoftTargetsDbContext db, DateOnly today, CancellationToken ct)
    {
        var planned = db.SitePlans.Select(p => p.SiteId);
        var sites = await (from s in db.Sites.AsNoTracking()
                           where planned.Contains(s.Id)
                           select new
                           {
                               s.Id, s.OrganizationId, s.Name, s.CreatedAt,
                               LastDrill = db.PlaybookRuns.Where(r => r.SiteId == s.Id && r.Kind == RunKind.Drill && r.FinishedAt != null).Max(r => (DateOnly?)r.HeldOn),
                           }).ToListAsync(ct);
        return sites.Where(s => ComplianceRules.IsDrillDue(s.LastDrill, today))
            .Select(s => new Due(NotificationKind.DrillDue, s.Id,
                s.LastDrill is { } held ? ComplianceRules.DrillStopsCounting(held) : DateOnly.FromDateTime(s.CreatedAt.UtcDateTime),
                s.Id, s.OrganizationId, s.Name, "", "", null, s.LastDrill is null ? new LocalizedText("", "") : new LocalizedText(s.Name, s.Name)))
            .ToList();
    }

    /// <summary>
    /// Sites whose plan follows an older version of their methodology than the newest published one, when moving to it would
    /// gain, lose or change a measure of the site (<see cref="PlanService.Compare"/>, what the plan page's upgrade shows). The
    /// subject is the pair of site and version, so each version is reminded of once per site; pairs already reminded of are
    /// not compared again.
    /// </summary>
    private static async Task<List<Due>> NewVersionsAsync(SoftTargetsDbContext db, CancellationToken ct)
    {
        var newest = (await db.MethodologyVersions.AsNoTracking().Where(v => v.Status == MethodologyVersionStatus.Published)
                .Select(v => new { v.Id, v.MethodologyId, v.Number, v.PublishedAt }).ToListAsync(ct))
            .GroupBy(v => v.MethodologyId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.PublishedAt)!);
        var heads = await (from p in db.SitePlans.AsNoTracking()
                           join s in db.Sites on p.SiteId equals s.Id
                           join v in db.MethodologyVersions on p.MethodologyVersionId equals v.Id
                           where p.Revision == db.SitePlans.Where(q => q.SiteId == p.SiteId).Max(q => q.Revision) && v.MethodologyId == s.MethodologyId
                           select new { SiteId = s.Id, s.MethodologyId, VersionId = v.Id, v.Number }).ToListAsync(ct);
        var behind = heads
            .Where(h => newest.TryGetValue(h.MethodologyId, out var n) && n.Id != h.VersionId && n.Number > h.Number)
            .Select(h => (h.SiteId, From: h.VersionId, To: newest[h.MethodologyId], Subject: Notification.PairSubject(h.SiteId, newest[h.MethodologyId].Id)))
            .ToList();
        var subjects = behind.Select(b => b.Subject).ToList();
        var reminded = (await db.Notifications.Where(n => n.Kind == NotificationKind.NewMethodologyVersion && subjects.Contains(n.SubjectId))
            .Select(n => n.SubjectId).Distinct().ToListAsync(ct)).ToHashSet();
        behind.RemoveAll(b => reminded.Contains(b.Subject));
        if (behind.Count == 0) return [];

        var siteIds = behind.Select(b => b.SiteId).ToList();
        var sites = await SiteQueries.WithParts(db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id))).ToDictionaryAsync(s => s.Id, ct);
        var versionIds = behind.Select(b => b.From).Concat(behind.Select(b => b.To.Id)).Distinct().ToList();
        var versions = await db.MethodologyVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var methodologyIds = behind.Select(b => b.To.MethodologyId).Distinct().ToList();
        var names = await db.Methodologies.AsNoTracking().Where(m => methodologyIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var due = new List<Due>();
        foreach (var (siteId, from, to, subject) in behind)
        {
            if (!sites.TryGetValue(siteId, out var site) || PlanService.Compare(site, versions[from], versions[to.Id]) is not { ChangesPlan: true }) continue;
            var name = names.GetValueOrDefault(to.MethodologyId) ?? new LocalizedText("", "");
            var title = new LocalizedText($"{Or(name.En, name.Cs)}, version {to.Number}", $"{Or(name.Cs, name.En)}, verze {to.Number}");
            due.Add(new Due(NotificationKind.NewMethodologyVersion, subject, DateOnly.FromDateTime((to.PublishedAt ?? DateTimeOffset.UnixEpoch).UtcDateTime),
                site.Id, site.OrganizationId, site.Name, "", "", null, title));
        }
        return due;
    }

    /// <summary>The active venue managers of each organisation.</summary>
    private static async Task<Dictionary<Guid, List<string>>> ManagersAsync(SoftTargetsDbContext db, List<Guid> organizations, CancellationToken ct) =>
        (await (from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == Roles.VenueManager && u.DeactivatedAt == null && organizations.Contains(u.OrganizationId)
                select new { u.OrganizationId, u.Id }).ToListAsync(ct))
        .GroupBy(u => u.OrganizationId).ToDictionary(g => g.Key, g => g.Select(u => u.Id).Distinct().ToList());

    /// <summary>Measure titles from each site's latest plan.</summary>
    private static async Task<Dictionary<(Guid, string), (string, string)>> TitlesAsync(SoftTargetsDbContext db, HybridCache cache, IEnumerable<Guid> sites, CancellationToken ct)
    {
        var titles = new Dictionary<(Guid, string), (string, string)>();
        var ids = sites.ToList();
        // Each site's latest revision, all in one query.
        var plans = await db.SitePlans.AsNoTracking()
            .Where(p => ids.Contains(p.SiteId) && p.Revision == db.SitePlans.Where(q => q.SiteId == p.SiteId).Max(q => q.Revision))
            .Select(p => new { p.SiteId, p.MethodologyVersionId, p.Document }).ToListAsync(ct);
        foreach (var plan in plans)
        {
            var document = await PlanDocuments.ReadAsync(db, cache, plan.MethodologyVersionId, plan.Document, ct);
            foreach (var measure in document.Measures)
                titles.TryAdd((plan.SiteId, measure.Key), (Or(measure.Title.En, measure.Title.Cs), Or(measure.Title.Cs, measure.Title.En)));
        }
        return titles;
    }

    private static string Or(string text, string otherwise) => string.IsNullOrWhiteSpace(text) ? otherwise : text;

    private async Task<(int Mailed, int Failed)> MailPendingAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await (from n in db.Notifications
                             join u in db.Users on n.UserId equals u.Id
                             where n.Mail == NotificationMail.Pending && u.DeactivatedAt == null && u.Email != null
                             orderby n.CreatedAt
                             select new { Notification = n, u.Email, u.DisplayName, u.Language }).ToListAsync(ct);
        var mailed = 0;
        foreach (var row in pending)
        {
            var n = row.Notification;
            var message = ReminderMails.Single(row.Email!, row.DisplayName, row.Language, Item(n, row.Language), smtp.Value.PublicBaseUrl);
            if (!await SendMarkedAsync(db, message, () => n.MarkMailed(clock.GetUtcNow()), ct))
                return (mailed, 1); // the server is likely down: the rest wait for the next run
            mailed++;
        }
        return (mailed, 0);
    }

    /// <summary>The Monday of the date's week: a digest goes out at most once per Monday-to-Sunday week.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private async Task<(int Sent, int Failed)> MailDigestsAsync(CancellationToken ct)
    {
        var week = WeekOf(MeasureDeadlines.Today(clock));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var readers = await (from p in db.NotificationPreferences
                             join u in db.Users on p.UserId equals u.Id
                             where p.WeeklyDigest && (p.LastDigestWeek == null || p.LastDigestWeek < week) && u.DeactivatedAt == null && u.Email != null
                                   && db.Notifications.Any(n => n.UserId == p.UserId && n.Mail == NotificationMail.Digest)
                             select new { Preferences = p, u.Email, u.DisplayName, u.Language }).ToListAsync(ct);
        var sent = 0;
        foreach (var reader in readers)
        {
            var items = await db.Notifications.Where(n => n.UserId == reader.Preferences.UserId && n.Mail == NotificationMail.Digest)
                .OrderBy(n => n.Occasion).ThenBy(n => n.SiteName).ToListAsync(ct);
            var message = ReminderMails.Digest(reader.Email!, reader.DisplayName, reader.Language,
                items.Select(n => Item(n, reader.Language)).ToList(), smtp.Value.PublicBaseUrl);
            var ok = await SendMarkedAsync(db, message, () =>
            {
                reader.Preferences.DigestSent(week);
                foreach (var n in items) n.MarkMailed(clock.GetUtcNow());
            }, ct);
            if (!ok) return (sent, 1);
            sent++;
        }
        return (sent, 0);
    }

    /// <summary>
    /// Marks, saves, sends, commits: the mark becomes permanent only once the SMTP server has accepted the mail. A failed send
    /// rolls the mark back (the next run tries again); only a crash between the server's acceptance and the commit could
    /// send a mail twice.
    /// </summary>
    private async Task<bool> SendMarkedAsync(SoftTargetsDbContext db, OutgoingMail message, Action mark, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        mark();
        await db.SaveChangesAsync(ct);
        try
        {
            await mail.SendAsync(message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "A reminder mail could not be sent; it stays pending for the next run");
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return false;
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    private static ReminderMails.Item Item(Notification n, string language) =>
        new(n.Kind, ReminderTexts.IsCzech(language) ? n.TitleCs : n.TitleEn, n.SiteName, n.SiteId, n.Occasion);
}
