using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Notifications;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Notifications;

public sealed record NotificationView(Guid Id, NotificationKind Kind, Guid SiteId, string SiteName, LocalizedText Title,
    DateOnly Occasion, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>Which reminder kinds reach the person by e-mail, and whether as one weekly digest.</summary>
public sealed record NotificationChoices(IReadOnlySet<NotificationKind> Mailed, bool WeeklyDigest);

/// <summary>
/// The signed-in person's own notifications (never anybody else's: another person's reads as not found) and their
/// mail preferences.
/// </summary>
public sealed class NotificationCenter(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>How many of the latest notifications the page lists.</summary>
    public const int ListLimit = 200;

    public async Task<IReadOnlyList<NotificationView>> ListAsync(CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == me)
            .OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Occasion).Take(ListLimit)
            .Select(n => new NotificationView(n.Id, n.Kind, n.SiteId, n.SiteName, new LocalizedText(n.TitleEn, n.TitleCs), n.Occasion, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct);
    }

    public async Task MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == me, ct) ?? throw new NotFoundException("The notification");
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<NotificationChoices> GetChoicesAsync(CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == me, ct);
        return new NotificationChoices(Enum.GetValues<NotificationKind>().Where(k => saved?.Mails(k) ?? true).ToHashSet(), saved?.WeeklyDigest ?? false);
    }

    /// <summary>Applies to reminders made from now on; those already waiting keep how they were to be sent.</summary>
    public async Task SaveChoicesAsync(NotificationChoices choices, CancellationToken ct = default)
    {
        var me = await MeAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == me, ct);
        if (saved is null) db.NotificationPreferences.Add(saved = new NotificationPreferences(me));
        saved.Change(Enum.GetValues<NotificationKind>().Where(k => !choices.Mailed.Contains(k)), choices.WeeklyDigest);
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> MeAsync(CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsAuthenticated && !actor.IsSystem);
        return actor.UserId;
    }
}
