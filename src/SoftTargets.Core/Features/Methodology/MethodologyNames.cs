using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
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

    /// <summary>Every catalogue's names in one published version, from the cache of published versions: reads that name a site's
    /// venue type, roles, threats or attributes need no load of the whole document.</summary>
    internal static async Task<VersionCatalogues> CataloguesOfVersionAsync(SoftTargetsDbContext db, HybridCache cache, Guid? versionId, CancellationToken ct) =>
        versionId is not { } id ? VersionCatalogues.Empty : await cache.GetOrCreateAsync($"methodology-version:{id}:catalogues", (db, id),
            static async (state, token) =>
            {
                var content = await state.db.MethodologyVersions.AsNoTracking().Where(v => v.Id == state.id).Select(v => v.Content).SingleAsync(token);
                return VersionCatalogues.Of(content);
            }, cancellationToken: ct);

    /// <summary>The regions and categories of a published version. Immutable, so the cache hands out one instance without copying it.</summary>
    [ImmutableObject(true)]
    internal sealed record VersionNames(IReadOnlyList<CatalogItem> Regions, IReadOnlyList<CatalogItem> MeasureCategories);
}

/// <summary>The names of every catalogue of one published version, by key. Immutable, so the cache hands out one instance.</summary>
[ImmutableObject(true)]
public sealed record VersionCatalogues(
    IReadOnlyDictionary<string, LocalizedText> VenueTypes, IReadOnlyDictionary<string, LocalizedText> Attributes,
    IReadOnlyDictionary<string, LocalizedText> Roles, IReadOnlyDictionary<string, LocalizedText> ThreatTypes,
    IReadOnlyList<CatalogItem> Regions, IReadOnlyList<CatalogItem> MeasureCategories)
{
    private CatalogueNames? names;

    public static VersionCatalogues Empty { get; } = new(new Dictionary<string, LocalizedText>(), new Dictionary<string, LocalizedText>(),
        new Dictionary<string, LocalizedText>(), new Dictionary<string, LocalizedText>(), [], []);

    /// <summary>Region and category names, as <see cref="CatalogueNames"/> gives them.</summary>
    public CatalogueNames Names => names ??= CatalogueNames.Of(new MethodologyDocument { Regions = Regions, MeasureCategories = MeasureCategories });

    public static VersionCatalogues Of(MethodologyDocument content) =>
        new(ByKey(content.VenueTypes), ByKey(content.Attributes), ByKey(content.Roles), ByKey(content.ThreatTypes), content.Regions, content.MeasureCategories);

    // The first entry wins on a duplicated key.
    private static Dictionary<string, LocalizedText> ByKey(IEnumerable<CatalogItem> items)
    {
        var names = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var item in items) names.TryAdd(item.Key, item.Name);
        return names;
    }
}
