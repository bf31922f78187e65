namespace SoftTargets.Core.Domain.Notifications;

/// <summary>What a notification is about. Stored by name.</summary>
public enum NotificationKind
{
    /// <summary>An open measure whose due date has passed.</summary>
    MeasureOverdue,
    /// <summary>An open measure due within the next days (<see cref="Features.Compliance.ComplianceRules.MeasureDueSoonDays"/>).</summary>
    MeasureDueSoon,
    /// <summary>A measure whose next review falls within the review window.</summary>
    ReviewDueSoon,
    /// <summary>An auditor raised a finding on a site the recipient manages.</summary>
    NewFinding,
    /// <summary>A venue manager answered a finding the recipient raised.</summary>
    FindingAnswered,
    /// <summary>A newer published version of a site's methodology would change the site's plan (once per site and version).</summary>
    NewMethodologyVersion,
    /// <summary>A site has had no drill within the drill window, or its last drill stops counting within the due-soon days.</summary>
    DrillDue,
}

/// <summary>What becomes of a notification's e-mail.</summary>
public enum NotificationMail
{
    /// <summary>The recipient turned e-mail off for the kind: shown in the app only.</summary>
    None,
    /// <summary>To be sent on its own; stays so until the SMTP server accepts it (a failed send is retried by the next run).</summary>
    Pending,
    /// <summary>Waits for the recipient's weekly digest.</summary>
    Digest,
    /// <summary>Accepted by the SMTP server, on its own or in a digest.</summary>
    Sent,
}

/// <summary>
/// One reminder to one person, shown in the app and (unless turned off) mailed. It is also the ledger that keeps a
/// reminder from being sent twice: (user, kind, subject, occasion) is unique, where the occasion is the date the
/// reminder is about (the due date, the review date, the day a finding was raised or answered). A measure whose due
/// date moves is reminded of again for the new date; the same date never twice.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(string userId, NotificationKind kind, Guid subjectId, DateOnly occasion, Guid siteId, string siteName,
        string titleEn, string titleCs, NotificationMail mail, DateTimeOffset createdAt)
    {
        UserId = userId;
        Kind = kind;
        SubjectId = subjectId;
        Occasion = occasion;
        SiteId = siteId;
        SiteName = Cut(siteName);
        TitleEn = Cut(titleEn);
        TitleCs = Cut(titleCs);
        Mail = mail;
        CreatedAt = createdAt;
    }

    public const int MaxTextLength = 400;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string UserId { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
    /// <summary>
    /// The measure (a plan measure's id) or the finding the notification is about; for a due drill the site; for a new
    /// methodology version the pair of site and version (<see cref="PairSubject"/>).
    /// </summary>
    public Guid SubjectId { get; private set; }
    public DateOnly Occasion { get; private set; }
    public Guid SiteId { get; private set; }
    public string SiteName { get; private set; } = "";
    /// <summary>The measure's or finding's title when the notification was made, in English and Czech.</summary>
    public string TitleEn { get; private set; } = "";
    public string TitleCs { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public NotificationMail Mail { get; private set; }
    public DateTimeOffset? MailedAt { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    public void MarkMailed(DateTimeOffset at)
    {
        Mail = NotificationMail.Sent;
        MailedAt = at;
    }

    /// <summary>One subject id standing for two (a site and a methodology version), the same every time: the first half of their SHA-256.</summary>
    public static Guid PairSubject(Guid first, Guid second)
    {
        Span<byte> both = stackalloc byte[32];
        first.TryWriteBytes(both[..16]);
        second.TryWriteBytes(both[16..]);
        return new Guid(System.Security.Cryptography.SHA256.HashData(both)[..16]);
    }

    private static string Cut(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}

/// <summary>
/// A person's choices about reminder mail. Without a row: every kind mailed, one mail per reminder. In-app
/// notifications are always made.
/// </summary>
public sealed class NotificationPreferences
{
    private NotificationPreferences() { }

    public NotificationPreferences(string userId) => UserId = userId;

    public string UserId { get; private set; } = "";
    /// <summary>The kinds the person gets no e-mail for (by name).</summary>
    public List<string> MailOff { get; private set; } = [];
    /// <summary>One mail a week listing the reminders instead of one mail each.</summary>
    public bool WeeklyDigest { get; private set; }
    /// <summary>The Monday of the week the last digest went out: at most one digest a week.</summary>
    public DateOnly? LastDigestWeek { get; private set; }

    public bool Mails(NotificationKind kind) => !MailOff.Contains(kind.ToString());

    public void Change(IEnumerable<NotificationKind> mailOff, bool weeklyDigest)
    {
        MailOff = mailOff.Distinct().Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();
        WeeklyDigest = weeklyDigest;
    }

    public void DigestSent(DateOnly week) => LastDigestWeek = week;
}
