using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;

namespace SoftTargets.Core.Features.Events;

/// <summary>
/// What an event adds to its venue's plan: the event's tier when it is higher than the venue's, and the
/// measures that apply for the event but not for the venue, each with why. Both guidelines come from the same
/// generator and methodology version, so the difference is the event's facts and nothing else.
/// </summary>
public sealed record EventChecklist(
    string? VenueTier,
    LocalizedText VenueTierName,
    string? EventTier,
    LocalizedText EventTierName,
    LocalizedText EventTierReason,
    bool RaisesTier,
    IReadOnlyList<GuidelineMeasure> AddedMeasures)
{
    /// <summary>The items to check off for the event: the tier first when it is raised, then each added measure.</summary>
    public int Items => (RaisesTier ? 1 : 0) + AddedMeasures.Count;

    /// <summary>The methodology's names of its regions and measure categories.</summary>
    public CatalogueNames Names { get; init; } = CatalogueNames.None;

    /// <summary>Compares the venue's guideline with the event's; <paramref name="tiers"/> is the methodology's, highest first.</summary>
    public static EventChecklist Compare(Guideline venue, Guideline occasion, IReadOnlyList<TierRule> tiers)
    {
        var venueApplies = venue.Measures.Where(m => m.Applies).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var added = occasion.Measures.Where(m => m.Applies && !venueApplies.Contains(m.Key)).ToList();
        return new EventChecklist(venue.Tier, venue.TierName, occasion.Tier, occasion.TierName, occasion.TierReason,
            IsHigher(occasion.Tier, venue.Tier, tiers), added);
    }

    /// <summary>Tiers are listed from the top: an earlier tier is higher, and any tier is higher than none.</summary>
    public static bool IsHigher(string? tier, string? than, IReadOnlyList<TierRule> tiers)
    {
        if (tier is null || tier == than) return false;
        if (than is null) return true;
        var (index, other) = (IndexOf(tier), IndexOf(than));
        return index >= 0 && (other < 0 || index < other);

        int IndexOf(string key)
        {
            for (var i = 0; i < tiers.Count; i++)
                if (tiers[i].Key == key) return i;
            return -1;
        }
    }
}
