using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;

namespace SoftTargets.Core.Domain.Sites;

/// <summary>What describes a site for the methodology's rules.</summary>
public sealed record SiteProfile(
    string Name,
    string Address,
    Region Region,
    string VenueTypeKey,
    int MaxOccupancy,
    int DailyVisitors,
    string OpeningHours,
    IReadOnlyList<string> Attributes)
{
    /// <summary>Each invalid field with what to do about it, in English and Czech.</summary>
    public Dictionary<string, LocalizedText> Problems()
    {
        var problems = new Dictionary<string, LocalizedText>();
        if (string.IsNullOrWhiteSpace(Name)) problems[nameof(Name)] = SiteMessages.NameRequired;
        else if (Name.Trim().Length > 200) problems[nameof(Name)] = SiteMessages.NameTooLong;
        if (string.IsNullOrWhiteSpace(Address)) problems[nameof(Address)] = SiteMessages.AddressRequired;
        else if (Address.Trim().Length > 500) problems[nameof(Address)] = SiteMessages.AddressTooLong;
        if (!Enum.IsDefined(Region)) problems[nameof(Region)] = SiteMessages.RegionRequired;
        if (string.IsNullOrWhiteSpace(VenueTypeKey)) problems[nameof(VenueTypeKey)] = SiteMessages.VenueTypeRequired;
        if (MaxOccupancy is < 0 or > 1_000_000) problems[nameof(MaxOccupancy)] = SiteMessages.MaxOccupancyRange;
        if (DailyVisitors is < 0 or > 10_000_000) problems[nameof(DailyVisitors)] = SiteMessages.DailyVisitorsRange;
        if ((OpeningHours ?? "").Trim().Length > 500) problems[nameof(OpeningHours)] = SiteMessages.OpeningHoursTooLong;
        return problems;
    }

    public Dictionary<string, string[]> Validate() => Problems().ToDictionary(p => p.Key, p => new[] { p.Value.En });
}
