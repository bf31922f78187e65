using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology;

/// <summary>The installation's settings for methodologies (configuration section <c>SoftTargets</c>).</summary>
public sealed class MethodologyOptions
{
    /// <summary>The code of the methodology a new site follows when none is chosen; the oldest methodology when empty or unknown.</summary>
    public string? DefaultMethodology { get; set; }
}

/// <summary>A methodology that has a published version, as a site may follow it.</summary>
public sealed record MethodologyChoice(Guid Id, string Code, LocalizedText Name, Guid VersionId, int VersionNumber);

/// <summary>
/// Reads of the methodology that every role needs. Several methodologies live side by side: a site
/// follows one (<see cref="Domain.Sites.Site.MethodologyId"/>), and its catalogues and new plans come
/// from that methodology's newest published version.
/// </summary>
public static class MethodologyCatalog
{
    /// <summary>
    /// The newest published version of any methodology, or null before the first one is published. Only for
    /// tools and tests of an installation with a single methodology: anything about a site asks for the site's methodology.
    /// </summary>
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

    /// <summary>The newest published version of the methodology, or null before it has one.</summary>
    public static Task<MethodologyVersion?> CurrentPublishedAsync(this SoftTargetsDbContext db, Guid methodologyId, CancellationToken ct) =>
        db.MethodologyVersions.AsNoTracking()
            .Where(v => v.MethodologyId == methodologyId && v.Status == MethodologyVersionStatus.Published)
            .OrderByDescending(v => v.PublishedAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>The newest published version of the methodology the site follows, or null when it has none.</summary>
    public static async Task<MethodologyVersion?> CurrentPublishedForSiteAsync(this SoftTargetsDbContext db, Guid siteId, CancellationToken ct) =>
        await db.Sites.Where(s => s.Id == siteId).Select(s => (Guid?)s.MethodologyId).FirstOrDefaultAsync(ct) is { } methodologyId
            ? await db.CurrentPublishedAsync(methodologyId, ct)
            : null;

    /// <summary>Each methodology's newest published version, the oldest methodology first; empty before any is published.</summary>
    public static async Task<IReadOnlyList<MethodologyChoice>> PublishedChoicesAsync(this SoftTargetsDbContext db, CancellationToken ct)
    {
        var rows = await (from v in db.MethodologyVersions
                          join m in db.Methodologies on v.MethodologyId equals m.Id
                          where v.Status == MethodologyVersionStatus.Published
                          select new { m.Id, m.Code, m.Name, m.CreatedAt, VersionId = v.Id, v.Number, v.PublishedAt })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Id)
            .Select(g => g.MaxBy(r => r.PublishedAt)!)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new MethodologyChoice(r.Id, r.Code, r.Name, r.VersionId, r.Number))
            .ToList();
    }

    /// <summary>
    /// The methodology a new site follows when none is chosen: the configured code when such a methodology
    /// exists, otherwise the oldest methodology; null when there is none at all.
    /// </summary>
    public static async Task<Guid?> DefaultMethodologyIdAsync(this SoftTargetsDbContext db, MethodologyOptions options, CancellationToken ct)
    {
        var code = options.DefaultMethodology?.Trim();
        if (!string.IsNullOrEmpty(code) && await db.Methodologies.Where(m => m.Code == code).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct) is { } configured)
            return configured;
        return await db.Methodologies.OrderBy(m => m.CreatedAt).ThenBy(m => m.Code).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The methodology with this code, or the default one when <paramref name="code"/> is empty; null when the code is unknown.</summary>
    public static async Task<Guid?> MethodologyIdAsync(this SoftTargetsDbContext db, string? code, MethodologyOptions options, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code)
            ? await db.DefaultMethodologyIdAsync(options, ct)
            : await db.Methodologies.Where(m => m.Code == code.Trim()).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);

    public static IReadOnlyDictionary<string, LocalizedText> VenueTypeNames(this MethodologyVersion? version) =>
        Names(version?.Content.VenueTypes);

    public static IReadOnlyDictionary<string, LocalizedText> ThreatTypeNames(this MethodologyVersion? version) =>
        Names(version?.Content.ThreatTypes);

    public static IReadOnlyDictionary<string, LocalizedText> RoleNames(this MethodologyVersion? version) =>
        Names(version?.Content.Roles);

    public static IReadOnlyDictionary<string, LocalizedText> AttributeNames(this MethodologyVersion? version) =>
        Names(version?.Content.Attributes);

    private static Dictionary<string, LocalizedText> Names(IEnumerable<CatalogItem>? items) =>
        items?.ToDictionary(i => i.Key, i => i.Name) ?? [];
}
