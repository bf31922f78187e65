using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
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
public sealed class SiteQueries(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, IOptions<MethodologyOptions> options, HybridCache cache)
{
    public async Task<PagedResult<SiteListItem>> ListAsync(PageRequest request, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Rows(db, Searched(Visible(db, actor), request.Search));
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
        return new PagedResult<SiteListItem>(await ItemsAsync(db, page, ct), total);
    }

    /// <summary>
    /// The sites after <paramref name="request"/>'s cursor in name order, for API clients walking the whole list: each
    /// page costs the same however deep it is, and no total is counted. <see cref="SiteListPage.Next"/> is null on the last page.
    /// </summary>
    public async Task<SiteListPage> ListAfterAsync(SiteCursorRequest request, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sites = Searched(Visible(db, actor), request.Search);
        if (SiteCursor.Read(request.After) is { } after)
            sites = sites.Where(s => EF.Functions.GreaterThan(ValueTuple.Create(s.Name, s.Id), ValueTuple.Create(after.Name, after.Id)));
        var page = await PageRows(db, sites.OrderBy(s => s.Name).ThenBy(s => s.Id).Take(request.Take + 1)).ToListAsync(ct);
        var items = await ItemsAsync(db, page.Take(request.Take).ToList(), ct);
        return new SiteListPage(items, page.Count > request.Take ? SiteCursor.Write(items[^1].Name, items[^1].Id) : null);
    }

    private static IQueryable<Site> Searched(IQueryable<Site> sites, string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return sites;
        var pattern = "%" + search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return sites.Where(s => EF.Functions.ILike(s.Name, pattern) || EF.Functions.ILike(s.Address, pattern));
    }

    /// <summary>A list row with its organisation and the id of its methodology's newest published version, which names its catalogue keys.</summary>
    private static IQueryable<ListRow> Rows(SoftTargetsDbContext db, IQueryable<Site> sites) =>
        from s in sites
        join o in db.Organizations on s.OrganizationId equals o.Id
        select new ListRow
        {
            Id = s.Id, Name = s.Name, Organization = o.Name, Region = s.Region, VenueTypeKey = s.VenueTypeKey, MaxOccupancy = s.MaxOccupancy,
            UpdatedAt = s.UpdatedAt,
            VersionId = db.MethodologyVersions.Where(v => v.MethodologyId == s.MethodologyId && v.Status == MethodologyVersionStatus.Published)
                .OrderByDescending(v => v.PublishedAt).Select(v => (Guid?)v.Id).FirstOrDefault(),
        };

    /// <summary>
    /// <see cref="Rows"/> for one keyset page: each row's organisation is looked up by its key, where a join would read
    /// every organisation to hash them for the page's few rows.
    /// </summary>
    private static IQueryable<ListRow> PageRows(SoftTargetsDbContext db, IQueryable<Site> page) =>
        from s in page
        select new ListRow
        {
            Id = s.Id, Name = s.Name, Organization = db.Organizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Name).First(),
            Region = s.Region, VenueTypeKey = s.VenueTypeKey, MaxOccupancy = s.MaxOccupancy, UpdatedAt = s.UpdatedAt,
            VersionId = db.MethodologyVersions.Where(v => v.MethodologyId == s.MethodologyId && v.Status == MethodologyVersionStatus.Published)
                .OrderByDescending(v => v.PublishedAt).Select(v => (Guid?)v.Id).FirstOrDefault(),
        };

    private async Task<List<SiteListItem>> ItemsAsync(SoftTargetsDbContext db, List<ListRow> page, CancellationToken ct)
    {
        var catalogues = new Dictionary<Guid, VersionCatalogues>();
        foreach (var version in page.Select(r => r.VersionId).OfType<Guid>().Distinct())
            catalogues[version] = await MethodologyNames.CataloguesOfVersionAsync(db, cache, version, ct);
        return page.Select(r =>
        {
            var names = r.VersionId is { } version ? catalogues[version] : VersionCatalogues.Empty;
            return new SiteListItem(r.Id, r.Name, r.Organization, r.Region, r.VenueTypeKey, names.VenueTypes.GetValueOrDefault(r.VenueTypeKey),
                r.MaxOccupancy, r.UpdatedAt) { RegionName = names.Names.Region(r.Region) };
        }).ToList();
    }

    // Initialised by members, not a constructor, so that EF Core can sort by its properties.
    private sealed class ListRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Organization { get; init; } = "";
        public string Region { get; init; } = "";
        public string VenueTypeKey { get; init; } = "";
        public int MaxOccupancy { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public Guid? VersionId { get; init; }
    }

    /// <summary>The site, or null when it does not exist or the caller may not see it (the two look the same).</summary>
    public async Task<SiteDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await Visible(db, actor).AsNoTracking().Include(s => s.Zones).Include(s => s.Contacts).Include(s => s.Threats).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null) return null;

        var header = await (from s in db.Sites
                            where s.Id == id
                            join o in db.Organizations on s.OrganizationId equals o.Id
                            join m in db.Methodologies on s.MethodologyId equals m.Id
                            select new
                            {
                                Organization = o.Name, m.Code, m.Name,
                                VersionId = db.MethodologyVersions.Where(v => v.MethodologyId == m.Id && v.Status == MethodologyVersionStatus.Published)
                                    .OrderByDescending(v => v.PublishedAt).Select(v => (Guid?)v.Id).FirstOrDefault(),
                                HasPlan = db.SitePlans.Any(p => p.SiteId == s.Id),
                            }).SingleAsync(ct);
        var names = await MethodologyNames.CataloguesOfVersionAsync(db, cache, header.VersionId, ct);
        return new SiteDetails(site.Id, site.OrganizationId, header.Organization, site.Profile with { Methodology = header.Code }, names.VenueTypes.GetValueOrDefault(site.VenueTypeKey),
            site.Zones.OrderBy(z => z.Name).Select(z => new ZoneView(z.Id, z.Name, z.Capacity, z.Entrances, z.AssemblyPoint, z.InvacuationRoom)).ToList(),
            site.Contacts.OrderBy(c => c.RoleKey).ThenBy(c => c.IsDeputy).Select(c => new ContactView(c.Id, c.RoleKey, names.Roles.GetValueOrDefault(c.RoleKey), c.Name, c.Phone, c.Email, c.IsDeputy)).ToList(),
            site.Threats.OrderByDescending(t => t.Inherent.Likelihood * t.Inherent.Impact).Select(t => new ThreatView(t.ThreatKey, names.ThreatTypes.GetValueOrDefault(t.ThreatKey), t.Inherent.Score, t.Residual.Score, t.Rationale)).ToList(),
            site.Version, site.UpdatedAt, site.UpdatedBy)
        {
            MethodologyId = site.MethodologyId,
            MethodologyName = header.Name,
            RegionName = names.Names.Region(site.Region),
            AttributeNames = site.Profile.Attributes.Select(a => new AttributeView(a, names.Attributes.GetValueOrDefault(a))).ToList(),
            HasPlan = header.HasPlan,
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
