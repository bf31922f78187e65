using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology;

/// <summary>Reads of the methodology that every role needs: the current published document.</summary>
public static class MethodologyCatalog
{
    /// <summary>The newest published version of any methodology, or null before the first one is published.</summary>
    public static Task<MethodologyVersion?> CurrentPublishedAsync(this SoftTargetsDbContext db, CancellationToken ct) =>
        db.MethodologyVersions.AsNoTracking()
            .Where(v => v.Status == MethodologyVersionStatus.Published)
            .OrderByDescending(v => v.PublishedAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>The id of the newest published version, without loading its document.</summary>
    public static Task<Guid?> CurrentPublishedIdAsync(this SoftTargetsDbContext db, CancellationToken ct) =>
        db.MethodologyVersions
            .Where(v => v.Status == MethodologyVersionStatus.Published)
            .OrderByDescending(v => v.PublishedAt)
            .Select(v => (Guid?)v.Id)
            .FirstOrDefaultAsync(ct);

    public static IReadOnlyDictionary<string, LocalizedText> VenueTypeNames(this MethodologyVersion? version) =>
        Names(version?.Content.VenueTypes);

    public static IReadOnlyDictionary<string, LocalizedText> ThreatTypeNames(this MethodologyVersion? version) =>
        Names(version?.Content.ThreatTypes);

    public static IReadOnlyDictionary<string, LocalizedText> RoleNames(this MethodologyVersion? version) =>
        Names(version?.Content.Roles);

    private static Dictionary<string, LocalizedText> Names(IEnumerable<CatalogItem>? items) =>
        items?.ToDictionary(i => i.Key, i => i.Name) ?? [];
}
