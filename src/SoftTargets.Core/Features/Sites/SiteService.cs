using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Sites;

/// <summary>Changes to sites. Only a venue manager of the owning organisation may make them.</summary>
public sealed class SiteService(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<Guid> CreateAsync(Guid organizationId, SiteProfile profile, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.CanChangeSitesOf(organizationId));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = new Site(organizationId, profile);
        db.Sites.Add(site);
        await db.SaveChangesAsync(ct);
        return site.Id;
    }

    /// <summary>Saves a new profile if nobody changed the site since <paramref name="expectedVersion"/> was read.</summary>
    public async Task<uint> UpdateProfileAsync(Guid id, SiteProfile profile, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await LoadForChangeAsync(db, actor, id, expectedVersion, ct);
        site.Apply(profile);
        await db.SaveConcurrentlyAsync(ct);
        return site.Version;
    }

    public async Task DeleteAsync(Guid id, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await LoadForChangeAsync(db, actor, id, expectedVersion, ct);
        db.Sites.Remove(site);
        await db.SaveConcurrentlyAsync(ct);
    }

    private static async Task<Site> LoadForChangeAsync(SoftTargetsDbContext db, Actor actor, Guid id, uint expectedVersion, CancellationToken ct)
    {
        var site = await SiteQueries.Visible(db, actor).FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException("The site");
        actor.Demand(actor.CanChangeSitesOf(site.OrganizationId));
        db.Entry(site).Property(s => s.Version).OriginalValue = expectedVersion;
        return site;
    }
}
