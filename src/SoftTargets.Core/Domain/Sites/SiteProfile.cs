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
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) errors[nameof(Name)] = ["Enter the site's name."];
        else if (Name.Trim().Length > 200) errors[nameof(Name)] = ["The name can have at most 200 characters."];
        if (string.IsNullOrWhiteSpace(Address)) errors[nameof(Address)] = ["Enter the site's address."];
        if (!Enum.IsDefined(Region)) errors[nameof(Region)] = ["Choose one of the 14 regions."];
        if (string.IsNullOrWhiteSpace(VenueTypeKey)) errors[nameof(VenueTypeKey)] = ["Choose a venue type."];
        if (MaxOccupancy is < 0 or > 1_000_000) errors[nameof(MaxOccupancy)] = ["Enter the maximum occupancy as a number from 0 to 1,000,000."];
        if (DailyVisitors is < 0 or > 10_000_000) errors[nameof(DailyVisitors)] = ["Enter typical daily visitors as a number from 0 to 10,000,000."];
        return errors;
    }
}
