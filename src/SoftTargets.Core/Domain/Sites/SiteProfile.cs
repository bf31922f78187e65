using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;

namespace SoftTargets.Core.Domain.Sites;

/// <summary>What describes a site for the methodology's rules.</summary>
public sealed record SiteProfile(
    string Name,
    string Address,
    string Region,
    string VenueTypeKey,
    int MaxOccupancy,
    int DailyVisitors,
    string OpeningHours,
    IReadOnlyList<string> Attributes)
{
    /// <summary>More than any methodology defines; the catalogue check then names an unknown one.</summary>
    public const int MaxAttributes = 100;

    /// <summary>The length of the region column; a methodology's region keys are no longer.</summary>
    public const int MaxRegionLength = 32;

    /// <summary>
    /// For a new site: the code of the methodology it follows; null or blank for the installation's default.
    /// A site keeps its methodology when its profile changes.
    /// </summary>
    public string? Methodology { get; init; }

    /// <summary>
    /// Each invalid field with what to do about it, in English and Czech. The checks against the published
    /// methodology and the organisation's other sites are <see cref="SiteCatalog.Problems"/>.
    /// </summary>
    public Dictionary<string, LocalizedText> Problems()
    {
        var problems = new Dictionary<string, LocalizedText>();
        if (string.IsNullOrWhiteSpace(Name)) problems[nameof(Name)] = SiteMessages.NameRequired;
        else if (Name.Trim().Length > 200) problems[nameof(Name)] = SiteMessages.NameTooLong;
        if (string.IsNullOrWhiteSpace(Address)) problems[nameof(Address)] = SiteMessages.AddressRequired;
        else if (Address.Trim().Length > 500) problems[nameof(Address)] = SiteMessages.AddressTooLong;
        if (string.IsNullOrWhiteSpace(Region) || Region.Trim().Length > MaxRegionLength) problems[nameof(Region)] = SiteMessages.RegionRequired;
        if (string.IsNullOrWhiteSpace(VenueTypeKey) || VenueTypeKey.Length > 100) problems[nameof(VenueTypeKey)] = SiteMessages.VenueTypeRequired;
        if (MaxOccupancy is < 0 or > 1_000_000) problems[nameof(MaxOccupancy)] = SiteMessages.MaxOccupancyRange;
        if (DailyVisitors is < 0 or > 10_000_000) problems[nameof(DailyVisitors)] = SiteMessages.DailyVisitorsRange;
        if ((OpeningHours ?? "").Trim().Length > 500) problems[nameof(OpeningHours)] = SiteMessages.OpeningHoursTooLong;
        if (Attributes is null || Attributes.Count > MaxAttributes || Attributes.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > 100 || HasControlCharacters(a)))
            problems[nameof(Attributes)] = SiteMessages.AttributesInvalid;
        foreach (var (field, text) in new[] { (nameof(Name), Name), (nameof(Address), Address), (nameof(Region), Region), (nameof(VenueTypeKey), VenueTypeKey), (nameof(OpeningHours), OpeningHours) })
            if (HasControlCharacters(text)) problems.TryAdd(field, SiteMessages.ControlCharacters);
        return problems;
    }

    /// <summary>NUL and other control characters but line breaks and tabs: PostgreSQL refuses NUL in text.</summary>
    private static bool HasControlCharacters(string? text) => text is not null && text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    public Dictionary<string, string[]> Validate() => Problems().ToDictionary(p => p.Key, p => new[] { p.Value.En });
}
