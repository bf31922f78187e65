using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Sites;

/// <summary>The outcome of an import: how many sites were added, or every problem found (and then none was added).</summary>
public sealed record SiteCsvResult(int Imported, IReadOnlyList<SiteCsvError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>One problem in the file. <see cref="Line"/> is the physical line (the header is line 1); the message starts with it.</summary>
public sealed record SiteCsvError(int Line, LocalizedText Message)
{
    /// <summary>"Line 4: the region ..." / "Řádek 4: kraj ...".</summary>
    internal static SiteCsvError At(int line, LocalizedText problem) =>
        new(line, new LocalizedText($"Line {line}: {problem.En}", $"Řádek {line}: {problem.Cs}"));
}

/// <summary>
/// Adds the sites of a CSV file (docs/site-csv.md) to the caller's organisation. Every row is checked
/// first; one bad row means nothing is imported. A good file is saved in one transaction.
/// </summary>
public sealed class SiteCsvImport(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, IOptions<MethodologyOptions> options)
{
    public async Task<SiteCsvResult> ImportAsync(Stream csv, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.OrganizationId is not null);
        var organizationId = actor.OrganizationId.GetValueOrDefault();
        actor.Demand(actor.CanChangeSitesOf(organizationId));

        using var content = new MemoryStream();
        await csv.CopyToAsync(content, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var published = await db.PublishedChoicesAsync(ct);
        if (published.Count == 0) return new(0, [SiteCsvError.At(1, SiteCsvMessages.NoMethodology)]);
        var defaultId = await db.DefaultMethodologyIdAsync(options.Value, ct);
        var defaultCode = (published.FirstOrDefault(p => p.Id == defaultId) ?? published[0]).Code;
        var existingNames = await db.Sites.Where(s => s.OrganizationId == organizationId).Select(s => s.Name).ToListAsync(ct);
        var versionIds = published.Select(p => p.VersionId).ToList();
        var contents = await db.MethodologyVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.MethodologyId, v => v.Content, ct);
        var catalogs = published.ToDictionary(p => p.Code, p => new SiteCatalog(
            contents[p.Id].VenueTypes.Select(v => v.Key).ToList(),
            contents[p.Id].Attributes.Select(a => a.Key).ToList(),
            existingNames) { Regions = contents[p.Id].Regions });

        var rows = SiteCsvReader.Read(content.GetBuffer().AsMemory(0, (int)content.Length), catalogs, defaultCode);
        if (rows.Errors.Count > 0) return new(0, rows.Errors);

        var ids = published.ToDictionary(p => p.Code, p => p.Id);
        db.Sites.AddRange(rows.Sites.Select(profile => new Site(organizationId, ids[profile.Methodology ?? defaultCode], profile)));
        await db.SaveChangesAsync(ct);
        return new(rows.Sites.Count, []);
    }
}
