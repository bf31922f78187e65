using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Events;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Events;

public sealed record EventItem(Guid Id, Guid SiteId, string Name, DateOnly StartsOn, DateOnly EndsOn, int ExpectedAttendance,
    EntryChecks EntryChecks, string ResponsibleName, string ResponsiblePhone, IReadOnlyList<string> Attributes, uint Version)
{
    public EventInput Input => new(Name, StartsOn, EndsOn, ExpectedAttendance, EntryChecks, ResponsibleName, ResponsiblePhone, Attributes);
}

/// <summary>A site's events with what the caller may do, and the attribute catalogue an event may use.</summary>
public sealed record SiteEvents(Guid SiteId, string SiteName, bool CanChange, IReadOnlyList<EventItem> Events, IReadOnlyList<CatalogItem> Attributes);

/// <summary>An event with the guideline facts it adds to its venue's plan.</summary>
public sealed record EventDetails(EventItem Event, string SiteName, bool CanChange, int MethodologyVersion,
    IReadOnlyList<CatalogItem> Attributes, EventChecklist Checklist);

public sealed record UpcomingEvent(Guid Id, Guid SiteId, string SiteName, string OrganizationName, string Name,
    DateOnly StartsOn, DateOnly EndsOn, int ExpectedAttendance);

public sealed record UpcomingEvents(int Total, IReadOnlyList<UpcomingEvent> Events);

/// <summary>
/// Event reads, filtered to the sites the caller may see (auditors every site, venue managers their organisation's).
/// An event's guideline is not stored: it is generated when read, with the same generator and methodology version
/// as the venue's, from the site and the event's facts, so it always follows the site's current data and plan.
/// </summary>
public sealed class EventQueries(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, HybridCache cache)
{
    /// <summary>The site's events, latest start first; null when the caller may not see the site.</summary>
    public async Task<SiteEvents?> ListForSiteAsync(Guid siteId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await SiteQueries.Visible(db, actor).Where(s => s.Id == siteId).Select(s => new { s.Name, s.OrganizationId }).FirstOrDefaultAsync(ct);
        if (site is null) return null;
        var events = await db.SiteEvents.AsNoTracking().Where(e => e.SiteId == siteId)
            .OrderByDescending(e => e.StartsOn).ThenBy(e => e.Name).ToListAsync(ct);
        var version = await SiteMethodology.ForSiteAsync(db, cache, siteId, ct);
        return new SiteEvents(siteId, site.Name, actor.CanChangeSitesOf(site.OrganizationId), events.Select(Item).ToList(),
            version?.Content.Attributes ?? []);
    }

    /// <summary>The event with its tier and the measures it adds; null when it does not exist or the caller may not see its site.</summary>
    public async Task<EventDetails?> GetAsync(Guid eventId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var siteEvent = await db.SiteEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (siteEvent is null) return null;
        var site = await SiteQueries.WithParts(SiteQueries.Visible(db, actor).AsNoTracking()).FirstOrDefaultAsync(s => s.Id == siteEvent.SiteId, ct);
        if (site is null) return null;
        var version = await SiteMethodology.ForSiteAsync(db, cache, site.Id, ct);
        if (version is null) return null;

        var generator = new GuidelineGenerator(version.Content, version.Id.ToString());
        var snapshot = SiteSnapshot.Of(site);
        var checklist = EventChecklist.Compare(generator.Generate(snapshot), generator.Generate(snapshot with { Event = EventSnapshot.Of(siteEvent) }),
            version.Content.Tiers) with { Names = CatalogueNames.Of(version.Content) };
        return new EventDetails(Item(siteEvent), site.Name, actor.CanChangeSitesOf(site.OrganizationId), version.Number,
            version.Content.Attributes, checklist);
    }

    /// <summary>
    /// Events not yet over (ending today or later) on the sites the caller may see, soonest first, with how many
    /// there are in all; a caller who sees no site sees none.
    /// </summary>
    public async Task<UpcomingEvents> UpcomingAsync(int take = 10, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = from e in db.SiteEvents
                   join s in SiteQueries.Visible(db, actor) on e.SiteId equals s.Id
                   join o in db.Organizations on s.OrganizationId equals o.Id
                   where e.EndsOn >= today
                   select new { e, SiteName = s.Name, OrganizationName = o.Name };
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(r => r.e.StartsOn).ThenBy(r => r.e.Name).ThenBy(r => r.e.Id).Take(Math.Clamp(take, 1, 100))
            .Select(r => new UpcomingEvent(r.e.Id, r.e.SiteId, r.SiteName, r.OrganizationName, r.e.Name, r.e.StartsOn, r.e.EndsOn, r.e.ExpectedAttendance))
            .ToListAsync(ct);
        return new UpcomingEvents(total, page);
    }

    private static EventItem Item(SiteEvent e) => new(e.Id, e.SiteId, e.Name, e.StartsOn, e.EndsOn, e.ExpectedAttendance, e.EntryChecks,
        e.ResponsibleName, e.ResponsiblePhone, e.Attributes, e.Version);
}
