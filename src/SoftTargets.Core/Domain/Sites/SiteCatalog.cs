using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Sites;

/// <summary>
/// What a site profile is checked against beyond its own fields: the venue types and attributes of the
/// published methodology and the names the organisation already uses. The wizard, the CSV import and
/// the API all check through it, so a site one of them refuses, the others refuse too.
/// </summary>
public sealed class SiteCatalog(IReadOnlyList<string> venueTypes, IReadOnlyList<string> attributes, IEnumerable<string> existingNames)
{
    /// <summary>The methodology's regions (key and names); a site's region must be one of their keys.</summary>
    public IReadOnlyList<Methodology.CatalogItem> Regions { get; init; } = [];
    public IReadOnlyList<string> RegionKeys => [.. Regions.Select(r => r.Key)];

    public IReadOnlyList<string> VenueTypeKeys { get; } = venueTypes;
    public IReadOnlyList<string> AttributeKeys { get; } = attributes;

    /// <summary>Keys by any spelling of their case, for files people type; profiles must use the key itself.</summary>
    public IReadOnlyDictionary<string, string> VenueTypes { get; } = IgnoringCase(venueTypes);
    public IReadOnlyDictionary<string, string> Attributes { get; } = IgnoringCase(attributes);
    public IReadOnlySet<string> ExistingNames { get; } = existingNames.Select(n => n.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The profile's own problems, then an unknown venue type or attribute and a name already in use.</summary>
    public Dictionary<string, LocalizedText> Problems(SiteProfile profile)
    {
        var problems = profile.Problems();
        if (!problems.ContainsKey(nameof(SiteProfile.Region)) && !Regions.Any(r => r.Key == profile.Region.Trim()))
            problems[nameof(SiteProfile.Region)] = SiteMessages.RegionUnknown(profile.Region, RegionKeys);
        if (!problems.ContainsKey(nameof(SiteProfile.VenueTypeKey)) && !VenueTypeKeys.Contains(profile.VenueTypeKey, StringComparer.Ordinal))
            problems[nameof(SiteProfile.VenueTypeKey)] = SiteMessages.VenueTypeUnknown(profile.VenueTypeKey);
        if (!problems.ContainsKey(nameof(SiteProfile.Attributes))
            && profile.Attributes.FirstOrDefault(a => !AttributeKeys.Contains(a, StringComparer.Ordinal)) is { } unknown)
            problems[nameof(SiteProfile.Attributes)] = SiteMessages.AttributeUnknown(unknown);
        if (!problems.ContainsKey(nameof(SiteProfile.Name)) && ExistingNames.Contains(profile.Name.Trim()))
            problems[nameof(SiteProfile.Name)] = SiteMessages.NameTaken;
        return problems;
    }

    public void EnsureValid(SiteProfile profile)
    {
        var problems = Problems(profile);
        if (problems.Count > 0) throw ValidationFailedException.From(problems);
    }

    private static Dictionary<string, string> IgnoringCase(IEnumerable<string> keys)
    {
        var byKey = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys) byKey.TryAdd(key, key);
        return byKey;
    }
}
