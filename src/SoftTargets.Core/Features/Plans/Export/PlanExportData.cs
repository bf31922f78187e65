using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;

namespace SoftTargets.Core.Features.Plans.Export;

/// <summary>
/// What an export needs: the site, its plan revision and the tracked state of its measures.
/// <paramref name="RoleNames"/> (role key → name, from the methodology) names roles that no playbook step names;
/// without it such roles show their key.
/// </summary>
public sealed record PlanExportData(
    SiteSnapshot Site, string OrganizationName, int Revision, string MethodologyTitle, int MethodologyVersion,
    DateTimeOffset GeneratedAt, Guideline Guideline, IReadOnlyList<TrackedMeasure> Measures,
    IReadOnlyDictionary<string, LocalizedText>? RoleNames = null)
{
    /// <summary>The region and measure category names of the plan's methodology version.</summary>
    public CatalogueNames Names { get; init; } = CatalogueNames.None;

    /// <summary>The role's name: from <see cref="RoleNames"/>, else from a playbook step of that role, else the key.</summary>
    public LocalizedText RoleName(string role) =>
        RoleNames?.GetValueOrDefault(role)
        ?? Guideline.Playbooks.SelectMany(p => p.Steps).FirstOrDefault(s => s.Role == role)?.RoleName
        ?? new(role, role);

    /// <summary>Venue type key → name, from the methodology; without it (or for a key it lacks) the key is shown.</summary>
    public IReadOnlyDictionary<string, LocalizedText>? VenueTypeNames { get; init; }

    /// <summary>The venue type's name in words ("Sports hall"), never its key, where the methodology names it.</summary>
    public LocalizedText VenueTypeName(string key) => VenueTypeNames?.GetValueOrDefault(key) ?? new(key, key);
}

/// <summary>The tracked state of one measure; <see cref="Status"/> is a <see cref="MeasureStatus"/> name.</summary>
public sealed record TrackedMeasure(string Key, string Status, string Owner, DateOnly? DueDate, DateOnly? NextReview, int EvidenceCount);
