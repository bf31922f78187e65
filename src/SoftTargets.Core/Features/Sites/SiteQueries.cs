using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Sites;

public sealed record SiteListItem(Guid Id, string Name, string OrganizationName, string Region, string VenueTypeKey,
    LocalizedText? VenueType, int MaxOccupancy, DateTimeOffset UpdatedAt)
{
    /// <summary>The region as the site's methodology names it.</summary>
    public LocalizedText RegionName { get; init; } = new(Region, Region);
}

public sealed record SiteDetails(Guid Id, Guid OrganizationId, string OrganizationName, SiteProfile Profile, LocalizedText? VenueType,
    IReadOnlyList<ZoneView> Zones, IReadOnlyList<ContactView> Contacts, IReadOnlyList<ThreatView> Threats,
    uint Version, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    /// <summary>The methodology the site follows; <see cref="SiteProfile.Methodology"/> holds its code.</summary>
    public Guid MethodologyId { get; init; }
    public LocalizedText? MethodologyName { get; init; }

    /// <summary>The region as the site's methodology names it.</summary>
    public LocalizedText RegionName { get; init; } = new(Profile.Region, Profile.Region);

    /// <summary>The site's attributes, named by its methodology's attribute catalogue (null when it has no such key).</summary>
    public IReadOnlyList<AttributeView> AttributeNames { get; init; } = [];

    /// <summary>Whether a plan has been generated for the site yet.</summary>
    public bool HasPlan { get; init; }
}

public sealed record AttributeView(string Key, LocalizedText? Name);

/// <summary>
/// What a site may be under one methodology (<see cref="Methodology"/>, null before any is published), and every
/// methodology with a published version a new site could follow instead.
/// </summary>
public sealed record SiteCatalogues(IReadOnlyList<CatalogItem> VenueTypes, IReadOnlyList<CatalogItem> Attributes, IReadOnlyList<CatalogItem> Roles)
{
    /// <summary>The regions a site under this methodology can be in.</summary>
    public IReadOnlyList<CatalogItem> Regions { get; init; } = [];

    public MethodologyChoice? Methodology { get; init; }
    public IReadOnlyList<MethodologyChoice> Methodologies { get; init; } = [];
}

public sealed record SiteDraftItem(Guid Id, string Title, DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record ZoneView(Guid Id, string Name, int Capacity, int Entrances, string AssemblyPoint, string InvacuationRoom);

public sealed record ContactView(Guid Id, string RoleKey, LocalizedText? Role, string Name, string Phone, string Email, bool IsDeputy);

public sealed record ThreatView(string ThreatKey, LocalizedText? Threat, int InherentScore, int ResidualScore, string Rationale);

/// <summary>Site reads, filtered to what the caller may see: auditors every site, venue managers their organisation's.</summary>
public sealed class SiteQueries(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, IOptions<MethodologyOptions> options)
{
    public async Task<PagedResult<SiteListItem>> ListAsync(PageRequest request, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sites = Visible(db, actor);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = "%" + request.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            sites = sites.Where(s => EF.Functions.ILike(s.Name, pattern) || EF.Functions.ILike(s.Address, pattern));
        }

        var rows = from s in sites
                   join o in db.Organizations on s.OrganizationId equals o.Id
                   select new { s.Id, s.Name, Organization = o.Name, s.Region, s.VenueTypeKey, s.MaxOccupancy, s.UpdatedAt, s.MethodologyId };
        rows = (request.SortBy, request.Descending) switch
        {
            ("OrganizationName", false) => rows.OrderBy(r => r.Organization).ThenBy(r => r.Name),
            ("OrganizationName", true) => rows.OrderByDescending(r => r.Organization).ThenBy(r => r.Name),
            ("Region", false) => rows.OrderBy(r => r.Region).ThenBy(r => r.Name),
            ("Region", true) => rows.OrderByDescending(r => r.Region).ThenBy(r => r.Name),
            ("MaxOccupancy", false) => rows.OrderBy(r => r.MaxOccupancy).ThenBy(r => r.Name),
            ("MaxOccupancy", true) => rows.OrderByDescending(r => r.MaxOccupancy).ThenBy(r => r.Name),
            (_, true) => rows.OrderByDescending(r => r.Name).ThenBy(r => r.Id),
            _ => rows.OrderBy(r => r.Name).ThenBy(r => r.Id),
        };

        var total = await rows.CountAsync(ct);
        var page = await rows.Skip(request.Skip).Take(request.Take).ToListAsync(ct);
        // Each site's venue type is named by the methodology it follows.
        var methodologies = page.Select(r => r.MethodologyId).Distinct().ToList();
        var venueTypes = new Dictionary<Guid, IReadOnlyDictionary<string, LocalizedText>>();
        var names = new Dictionary<Guid, CatalogueNames>();
        foreach (var methodologyId in methodologies)
        {
            var published = await db.CurrentPublishedAsync(methodologyId, ct);
            venueTypes[methodologyId] = published.VenueTypeNames();
            names[methodologyId] = CatalogueNames.Of(published?.Content);
        }
        var items = page.Select(r => new SiteListItem(r.Id, r.Name, r.Organization, r.Region, r.VenueTypeKey,
            venueTypes[r.MethodologyId].GetValueOrDefault(r.VenueTypeKey), r.MaxOccupancy, r.UpdatedAt) { RegionName = names[r.MethodologyId].Region(r.Region) }).ToList();
        return new PagedResult<SiteListItem>(items, total);
    }

    /// <summary>The site, or null when it does not exist or the caller may not see it (the two look the same).</summary>
    public async Task<SiteDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await WithParts(Visible(db, actor).AsNoTracking()).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null) return null;

        var organization = await db.Organizations.Where(o => o.Id == site.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var methodology = await db.CurrentPublishedAsync(site.MethodologyId, ct);
        var (roles, threats, attributes) = (methodology.RoleNames(), methodology.ThreatTypeNames(), methodology.AttributeNames());
        var followed = await db.Methodologies.Where(m => m.Id == site.MethodologyId).Select(m => new { m.Code, m.Name }).SingleAsync(ct);
        return new SiteDetails(site.Id, site.OrganizationId, organization, site.Profile with { Methodology = followed.Code }, methodology.VenueTypeNames().GetValueOrDefault(site.VenueTypeKey),
            site.Zones.OrderBy(z => z.Name).Select(z => new ZoneView(z.Id, z.Name, z.Capacity, z.Entrances, z.AssemblyPoint, z.InvacuationRoom)).ToList(),
            site.Contacts.OrderBy(c => c.RoleKey).ThenBy(c => c.IsDeputy).Select(c => new ContactView(c.Id, c.RoleKey, roles.GetValueOrDefault(c.RoleKey), c.Name, c.Phone, c.Email, c.IsDeputy)).ToList(),
            site.Threats.OrderByDescending(t => t.Inherent.Likelihood * t.Inherent.Impact).Select(t => new ThreatView(t.ThreatKey, threats.GetValueOrDefault(t.ThreatKey), t.Inherent.Score, t.Residual.Score, t.Rationale)).ToList(),
            site.Version, site.UpdatedAt, site.UpdatedBy)
        {
            MethodologyId = site.MethodologyId,
            MethodologyName = followed.Name,
            RegionName = CatalogueNames.Of(methodology?.Content).Region(site.Region),
            AttributeNames = site.Profile.Attributes.Select(a => new AttributeView(a, attributes.GetValueOrDefault(a))).ToList(),
            HasPlan = await db.SitePlans.AnyAsync(p => p.SiteId == site.Id, ct),
        };
    }

    /// <summary>
    /// What a site may be under the newest published version of a methodology: the one with the given id, or the
    /// installation's default when it is null or has nothing published; empty lists before any methodology is published.
    /// </summary>
    public async Task<SiteCatalogues> GetCataloguesAsync(Guid? methodologyId = null, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsAuthenticated);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var published = await db.PublishedChoicesAsync(ct);
        var defaultId = await db.DefaultMethodologyIdAsync(options.Value, ct);
        var chosen = published.FirstOrDefault(p => p.Id == methodologyId) ?? published.FirstOrDefault(p => p.Id == defaultId) ?? published.FirstOrDefault();
        var content = chosen is null ? null : (await db.MethodologyVersions.AsNoTracking().SingleAsync(v => v.Id == chosen.VersionId, ct)).Content;
        return new SiteCatalogues(content?.VenueTypes ?? [], content?.Attributes ?? [], content?.Roles ?? [])
        {
            Methodology = chosen,
            Methodologies = published,
            Regions = content?.Regions ?? [],
        };
    }

    /// <summary>The new-site drafts of the caller's organisation, newest first.</summary>
    public async Task<IReadOnlyList<SiteDraftItem>> ListDraftsAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await VisibleDrafts(db, actor).OrderByDescending(d => d.UpdatedAt)
            .Select(d => new SiteDraftItem(d.Id, d.Title, d.UpdatedAt, d.UpdatedBy)).ToListAsync(ct);
    }

    /// <summary>The draft, or null when it does not exist or belongs to another organisation.</summary>
    public async Task<SiteDraft?> GetDraftAsync(Guid id, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await VisibleDrafts(db, actor).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
    }

    /// <summary>Drafts are the venue manager's own work: auditors do not see them.</summary>
    private static IQueryable<SiteDraft> VisibleDrafts(SoftTargetsDbContext db, Actor actor) =>
        actor.IsIn(Domain.Users.Roles.VenueManager) && actor.OrganizationId is { } own
            ? db.SiteDrafts.Where(d => d.OrganizationId == own)
            : db.SiteDrafts.Where(_ => false);

    /// <summary>The site with every part of its aggregate, loaded in one round trip per part.</summary>
    internal static IQueryable<Site> WithParts(IQueryable<Site> sites) =>
        sites.Include(s => s.Zones).Include(s => s.Contacts).Include(s => s.Threats).Include(s => s.Answers).AsSplitQuery();

    internal static IQueryable<Site> Visible(SoftTargetsDbContext db, Actor actor)
    {
        if (actor.CanReadAllSites) return db.Sites;
        if (actor.IsIn(Domain.Users.Roles.VenueManager) && actor.OrganizationId is { } own)
            return db.Sites.Where(s => s.OrganizationId == own);
        return db.Sites.Where(_ => false);
    }
}
