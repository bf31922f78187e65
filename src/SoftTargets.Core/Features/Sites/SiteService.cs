using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Sites;

/// <summary>Changes to sites. Only a venue manager of the owning organisation may make them.</summary>
public sealed class SiteService(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, IOptions<MethodologyOptions> options)
{
    public async Task<Guid> CreateAsync(Guid organizationId, SiteProfile profile, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.CanChangeSitesOf(organizationId));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var methodology = await ChosenMethodologyAsync(db, profile.Methodology, options.Value, ct);
        (await CatalogAsync(db, organizationId, null, methodology.Id, ct)).EnsureValid(profile);
        var site = new Site(organizationId, methodology.Id, profile);
        db.Sites.Add(site);
        await db.SaveChangesAsync(ct);
        return site.Id;
    }

    /// <summary>Creates a site with its zones and contacts from the wizard; the draft it came from, if any, is deleted with it.</summary>
    public async Task<Guid> CreateAsync(Guid organizationId, SiteSetup setup, Guid? fromDraftId = null, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.CanChangeSitesOf(organizationId));
        setup.EnsureValid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var methodology = await ChosenMethodologyAsync(db, setup.Profile.Methodology, options.Value, ct);
        (await CatalogAsync(db, organizationId, null, methodology.Id, ct)).EnsureValid(setup.Profile);
        var site = new Site(organizationId, methodology.Id, setup.Profile);
        site.Apply(setup with { Zones = NewParts(setup.Zones), Contacts = NewParts(setup.Contacts) });
        db.Sites.Add(site);
        if (fromDraftId is { } draftId && await db.SiteDrafts.FirstOrDefaultAsync(d => d.Id == draftId && d.OrganizationId == organizationId, ct) is { } draft)
            db.SiteDrafts.Remove(draft);
        await db.SaveChangesAsync(ct);
        return site.Id;
    }

    /// <summary>Saves the profile, zones and contacts if nobody changed the site since <paramref name="expectedVersion"/> was read.</summary>
    public async Task<uint> UpdateAsync(Guid id, SiteSetup setup, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await LoadForChangeAsync(db, actor, id, expectedVersion, SiteQueries.WithParts, ct);
        setup.EnsureValid();
        (await CatalogAsync(db, site, ct)).EnsureValid(setup.Profile);
        site.Apply(setup);
        // Zones and contacts live in their own tables: touching the site makes every change to them bump its version.
        db.Entry(site).Property(s => s.UpdatedAt).IsModified = true;
        await db.SaveConcurrentlyAsync(ct);
        return site.Version;
    }

    private static IReadOnlyList<ZoneInput> NewParts(IReadOnlyList<ZoneInput> zones) => zones.Select(z => z with { Id = null }).ToList();

    private static IReadOnlyList<ContactInput> NewParts(IReadOnlyList<ContactInput> contacts) => contacts.Select(c => c with { Id = null }).ToList();

    /// <summary>Saves what the wizard holds so far, valid or not; returns the draft's id.</summary>
    public async Task<Guid> SaveDraftAsync(Guid organizationId, Guid? draftId, SiteDraftContent content, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.CanChangeSitesOf(organizationId));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = draftId is { } id ? await db.SiteDrafts.FirstOrDefaultAsync(d => d.Id == id && d.OrganizationId == organizationId, ct) : null;
        if (draft is null) db.SiteDrafts.Add(draft = new SiteDraft(organizationId, content));
        else draft.Change(content);
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    public async Task DeleteDraftAsync(Guid draftId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.SiteDrafts.FirstOrDefaultAsync(d => d.Id == draftId, ct);
        if (draft is null || !actor.CanChangeSitesOf(draft.OrganizationId)) throw new NotFoundException("The draft");
        db.SiteDrafts.Remove(draft);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Saves a new profile if nobody changed the site since <paramref name="expectedVersion"/> was read.</summary>
    public async Task<uint> UpdateProfileAsync(Guid id, SiteProfile profile, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await LoadForChangeAsync(db, actor, id, expectedVersion, sites => sites, ct);
        (await CatalogAsync(db, site, ct)).EnsureValid(profile);
        site.Apply(profile);
        await db.SaveConcurrentlyAsync(ct);
        return site.Version;
    }

    public async Task DeleteAsync(Guid id, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await LoadForChangeAsync(db, actor, id, expectedVersion, sites => sites, ct);
        db.Sites.Remove(site);
        await db.SaveConcurrentlyAsync(ct);
    }

    /// <summary>
    /// The published methodology a new site follows: the one with the given code, or the installation's default.
    /// An unknown code, or a methodology without a published version, is a problem at the field naming the allowed codes.
    /// </summary>
    internal static async Task<MethodologyChoice> ChosenMethodologyAsync(SoftTargetsDbContext db, string? code, MethodologyOptions options, CancellationToken ct)
    {
        var published = await db.PublishedChoicesAsync(ct);
        if (published.Count == 0) throw ValidationFailedException.From(new Dictionary<string, LocalizedText> { [nameof(SiteProfile.Methodology)] = SiteMessages.NoMethodology });
        var id = await db.MethodologyIdAsync(code, options, ct);
        return published.FirstOrDefault(p => p.Id == id)
            ?? (string.IsNullOrWhiteSpace(code)
                ? published[0]
                : throw ValidationFailedException.From(new Dictionary<string, LocalizedText>
                {
                    [nameof(SiteProfile.Methodology)] = SiteMessages.MethodologyUnknown(code, published.Select(p => p.Code)),
                }));
    }

    /// <summary>What a site of the organisation is checked against: the newest published version of its methodology and the other sites' names.</summary>
    internal static async Task<SiteCatalog> CatalogAsync(SoftTargetsDbContext db, Guid organizationId, Guid? exceptSiteId, Guid methodologyId, CancellationToken ct,
        string[]? keptVenueTypes = null, string[]? keptAttributes = null, string? keptRegion = null)
    {
        var methodology = await db.CurrentPublishedAsync(methodologyId, ct);
        var names = await db.Sites.Where(s => s.OrganizationId == organizationId && (exceptSiteId == null || s.Id != exceptSiteId)).Select(s => s.Name).ToListAsync(ct);
        return new SiteCatalog(
            [.. (methodology?.Content.VenueTypes.Select(v => v.Key) ?? []).Concat(keptVenueTypes ?? [])],
            [.. (methodology?.Content.Attributes.Select(a => a.Key) ?? []).Concat(keptAttributes ?? [])],
            names) { Regions = WithKept(methodology?.Content.Regions ?? [], keptRegion) };
    }

    /// <summary>For a change to a site: a venue type, attribute or region it already has stays allowed after the methodology drops it.</summary>
    private static Task<SiteCatalog> CatalogAsync(SoftTargetsDbContext db, Site site, CancellationToken ct) =>
        CatalogAsync(db, site.OrganizationId, site.Id, site.MethodologyId, ct, [site.VenueTypeKey], site.Attributes, site.Region);

    private static IReadOnlyList<Domain.Methodology.CatalogItem> WithKept(IReadOnlyList<Domain.Methodology.CatalogItem> regions, string? kept) =>
        kept is null || regions.Any(r => r.Key == kept) ? regions : [.. regions, new Domain.Methodology.CatalogItem(kept, new(kept, kept))];

    private static async Task<Site> LoadForChangeAsync(SoftTargetsDbContext db, Actor actor, Guid id, uint expectedVersion,
        Func<IQueryable<Site>, IQueryable<Site>> include, CancellationToken ct)
    {
        var site = await include(SiteQueries.Visible(db, actor)).FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException("The site");
        actor.Demand(actor.CanChangeSitesOf(site.OrganizationId));
        db.Entry(site).Property(s => s.Version).OriginalValue = expectedVersion;
        return site;
    }
}
