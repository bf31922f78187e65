using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Events;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Events;

/// <summary>
/// Adds, changes and removes a site's events. Only a venue manager of the organisation that owns the site
/// changes them; a site the caller may not read answers as not found. Attributes are checked against the
/// methodology version the site follows (its latest plan's, else the published one).
/// </summary>
public sealed class EventService(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, HybridCache cache)
{
    public async Task<Guid> CreateAsync(Guid siteId, EventInput input, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await DemandChangeAsync(db, actor, siteId, ct);
        input.EnsureValid(await AttributeKeysAsync(db, cache, siteId, ct));
        var siteEvent = new SiteEvent(siteId, input);
        db.SiteEvents.Add(siteEvent);
        await db.SaveChangesAsync(ct);
        return siteEvent.Id;
    }

    /// <summary>Changes the event as the caller last read it; a stale <paramref name="expectedVersion"/> is a conflict.</summary>
    public async Task<uint> UpdateAsync(Guid eventId, EventInput input, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var siteEvent = await db.SiteEvents.FindAsync([eventId], ct) ?? throw new NotFoundException("The event");
        await DemandChangeAsync(db, actor, siteEvent.SiteId, ct);
        input.EnsureValid(await AttributeKeysAsync(db, cache, siteEvent.SiteId, ct));
        db.Entry(siteEvent).Property(e => e.Version).OriginalValue = expectedVersion;
        siteEvent.Apply(input);
        await db.SaveConcurrentlyAsync(ct);
        return siteEvent.Version;
    }

    public async Task DeleteAsync(Guid eventId, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var siteEvent = await db.SiteEvents.FindAsync([eventId], ct) ?? throw new NotFoundException("The event");
        await DemandChangeAsync(db, actor, siteEvent.SiteId, ct);
        db.Entry(siteEvent).Property(e => e.Version).OriginalValue = expectedVersion;
        db.SiteEvents.Remove(siteEvent);
        await db.SaveConcurrentlyAsync(ct);
    }

    /// <summary>Another organisation's site reads as none; an auditor who sees it is refused the change.</summary>
    private static async Task DemandChangeAsync(SoftTargetsDbContext db, Actor actor, Guid siteId, CancellationToken ct)
    {
        var organizationId = await SiteQueries.Visible(db, actor).Where(s => s.Id == siteId).Select(s => (Guid?)s.OrganizationId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The site");
        actor.Demand(actor.CanChangeSitesOf(organizationId));
    }

    private static async Task<IReadOnlyCollection<string>> AttributeKeysAsync(SoftTargetsDbContext db, HybridCache cache, Guid siteId, CancellationToken ct) =>
        (await SiteMethodology.ForSiteAsync(db, cache, siteId, ct))?.Content.Attributes.Select(a => a.Key).ToHashSet(StringComparer.Ordinal)
        ?? (IReadOnlyCollection<string>)[];
}
