namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>Two sites equal in the facts a footprint names: the same key.</summary>
internal readonly record struct FactsKey(string? VenueType, int Occupancy, long Attendance, string? Tier, ulong Attributes, ulong Threats, ulong MoreThreats);

/// <summary>Makes the <see cref="FactsKey"/> of a site's facts for one <see cref="RuleFootprint"/>, allocating nothing.</summary>
internal sealed class FactsKeyer
{
    // Each threat's risk takes 6 bits (0 for not assessed, the risk plus one otherwise), ten threats to a word.
    private const int RiskBits = 6;
    private const int RisksPerWord = 64 / RiskBits;
    private const int HighestRisk = (1 << RiskBits) - 2;

    private readonly bool _venueType;
    private readonly bool _occupancy;
    private readonly bool _attendance;
    private readonly bool _tier;
    private readonly string[] _attributes;
    private readonly string[] _threats;
    private readonly bool _cacheable;

    public FactsKeyer(RuleFootprint footprint)
    {
        (_venueType, _occupancy, _attendance, _tier) = (footprint.VenueType, footprint.Occupancy, footprint.Attendance, footprint.Tier);
        _attributes = [.. footprint.Attributes];
        _threats = [.. footprint.Threats];
        _cacheable = _attributes.Length <= 64 && _threats.Length <= 2 * RisksPerWord;
    }

    /// <summary>False when the facts do not fit a key (too many attributes or threats read, a risk out of range).</summary>
    public bool TryKey(RuleFacts facts, out FactsKey key)
    {
        key = default;
        if (!_cacheable)
            return false;
        ulong attributes = 0;
        for (var i = 0; i < _attributes.Length; i++)
        {
            if (facts.Attributes.Contains(_attributes[i]))
                attributes |= 1UL << i;
        }
        ulong first = 0, second = 0;
        for (var i = 0; i < _threats.Length; i++)
        {
            ulong value = 0;
            if (facts.ThreatRisks.TryGetValue(_threats[i], out var risk))
            {
                if (risk is < 0 or > HighestRisk)
                    return false;
                value = (ulong)risk + 1;
            }
            if (i < RisksPerWord)
                first |= value << (i * RiskBits);
            else
                second |= value << ((i - RisksPerWord) * RiskBits);
        }
        key = new FactsKey(
            _venueType ? facts.VenueTypeKey : null,
            _occupancy ? facts.MaxOccupancy : 0,
            _attendance ? facts.Attendance ?? long.MinValue : 0,
            _tier ? facts.Tier : null,
            attributes, first, second);
        return true;
    }
}
