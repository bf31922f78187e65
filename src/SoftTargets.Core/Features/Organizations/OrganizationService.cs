using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Organizations;

public sealed record OrganizationListItem(Guid Id, string Name, OrganizationKind Kind, string Region, int Users, int Sites, uint Version)
{
    public bool IsActive { get; init; } = true;
}

/// <summary>Organisations are managed by administrators only.</summary>
public sealed class OrganizationService(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<OrganizationListItem>> ListAsync(CancellationToken ct = default)
    {
        await DemandAdministratorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Organizations.OrderBy(o => o.Name)
            .Select(o => new OrganizationListItem(o.Id, o.Name, o.Kind, o.Region,
                db.Users.Count(u => u.OrganizationId == o.Id), db.Sites.Count(s => s.OrganizationId == o.Id), o.Version) { IsActive = o.DeactivatedAt == null })
            .ToListAsync(ct);
    }

    public async Task<Guid> CreateAsync(string name, OrganizationKind kind, string region, CancellationToken ct = default)
    {
        await DemandAdministratorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = new Organization(name, kind, region);
        await EnsureKnownRegionAsync(db, organization.Region, ct);
        await EnsureUniqueNameAsync(db, organization.Name, null, ct);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        return organization.Id;
    }

    public async Task<uint> UpdateAsync(Guid id, string name, string region, uint expectedVersion, CancellationToken ct = default)
    {
        await DemandAdministratorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.FindAsync([id], ct) ?? throw new NotFoundException("The organisation");
        db.Entry(organization).Property(o => o.Version).OriginalValue = expectedVersion;
        organization.Rename(name);
        organization.MoveTo(region);
        await EnsureKnownRegionAsync(db, organization.Region, ct);
        await EnsureUniqueNameAsync(db, organization.Name, id, ct);
        await db.SaveConcurrentlyAsync(ct);
        return organization.Version;
    }

    /// <summary>An organisation is in a region of a published methodology (any of them; none is checked before the first is published).</summary>
    private static async Task EnsureKnownRegionAsync(SoftTargetsDbContext db, string region, CancellationToken ct)
    {
        var versionIds = (await db.PublishedChoicesAsync(ct)).Select(p => p.VersionId).ToList();
        if (versionIds.Count == 0) return;
        var contents = await db.MethodologyVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).Select(v => v.Content).ToListAsync(ct);
        var keys = contents.SelectMany(c => c.Regions).Select(r => r.Key).Distinct().ToList();
        if (!keys.Contains(region, StringComparer.Ordinal))
            throw ValidationFailedException.For(nameof(Organization.Region), $"'{region}' is not a region of a published methodology: use one of {string.Join(", ", keys)}.");
    }

    public async Task DeleteAsync(Guid id, uint expectedVersion, CancellationToken ct = default)
    {
        await DemandAdministratorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.FindAsync([id], ct) ?? throw new NotFoundException("The organisation");
        if (await db.Users.AnyAsync(u => u.OrganizationId == id, ct) || await db.Sites.AnyAsync(s => s.OrganizationId == id, ct))
            throw new DomainException("OrganizationInUse", "The organisation still has users or sites: move or remove them first.");
        db.Entry(organization).Property(o => o.Version).OriginalValue = expectedVersion;
        db.Organizations.Remove(organization);
        await db.SaveConcurrentlyAsync(ct);
    }

    /// <summary>None of a deactivated organisation's users can sign in; their sessions end (security stamps change).</summary>
    public async Task DeactivateAsync(Guid id, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.DemandRole(Roles.Administrator);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.FindAsync([id], ct) ?? throw new NotFoundException("The organisation");
        if (actor.OrganizationId == id)
            throw ValidationFailedException.From(new Dictionary<string, LocalizedText>
            {
                [""] = new("You cannot deactivate your own organisation.", "Svou vlastní organizaci deaktivovat nemůžete."),
            });
        db.Entry(organization).Property(o => o.Version).OriginalValue = expectedVersion;
        organization.Deactivate(clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveConcurrentlyAsync(ct);
        // A new stamp ends every session of the organisation's users at their next check.
        var stamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        await db.Users.Where(u => u.OrganizationId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, stamp), ct);
        await transaction.CommitAsync(ct);
    }

    public async Task ReactivateAsync(Guid id, uint expectedVersion, CancellationToken ct = default)
    {
        await DemandAdministratorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.FindAsync([id], ct) ?? throw new NotFoundException("The organisation");
        db.Entry(organization).Property(o => o.Version).OriginalValue = expectedVersion;
        organization.Reactivate();
        await db.SaveConcurrentlyAsync(ct);
    }

    private async Task DemandAdministratorAsync(CancellationToken ct) =>
        (await currentUser.GetAsync(ct)).DemandRole(Roles.Administrator);

    private static async Task EnsureUniqueNameAsync(SoftTargetsDbContext db, string name, Guid? except, CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(o => o.Name == name && o.Id != except, ct))
            throw ValidationFailedException.For(nameof(Organization.Name), "Another organisation already has this name.");
    }
}
