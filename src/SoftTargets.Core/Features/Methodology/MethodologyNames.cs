using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Methodology;

/// <summary>
/// Region and measure category names for reads that span every methodology (finding lists, organisations,
/// dashboards): the union of each methodology's newest published version, the oldest methodology first.
/// A published version never changes, so its names are cached by its id and never go stale.
/// </summary>
public sealed class MethodologyNames(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, HybridCache cache)
{
    public async Task<CatalogueNames> PublishedAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsAuthenticated);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PublishedAsync(db, cache, ct);
    }

    internal static async Task<CatalogueNames> PublishedAsync(SoftTargetsDbContext db, HybridCache cache, CancellationToken ct)
    {
        var names = CatalogueNames.None;
        foreach (var choice in await db.PublishedChoicesAsync(ct))
            names = names.With(await OfVersionAsync(db, cache, choice.VersionId, ct));
        return names;
    }

    /// <summary>The names of one published version, from the cache of published versions.</summary>
    internal static async Task<CatalogueNames> OfVersionAsync(SoftTargetsDbContext db, HybridCache cache, Guid versionId, CancellationToken ct)
    {
        var names = await cache.GetOrCreateAsync($"methodology-version:{versionId}:names", (db, versionId),
            static async (state, token) =>
            {
                var content = await state.db.MethodologyVersions.AsNoTracking().Where(v => v.Id == state.versionId).Select(v => v.Content).SingleAsync(token);
                return new VersionNames(content.Regions, content.MeasureCategories);
            }, cancellationToken: ct);
        return CatalogueNames.Of(new MethodologyDocument { Regions = names.Regions, MeasureCategories = names.MeasureCategories });
    }

    /// <summary>The regions and categories of a published version. Immutable, so the cache hands out one instance without copying it.</summary>
    [ImmutableObject(true)]
    internal sealed record VersionNames(IReadOnlyList<CatalogItem> Regions, IReadOnlyList<CatalogItem> MeasureCategories);
}
