using System.Collections.Concurrent;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>
/// One rule of a methodology version with its outcomes worded once per distinct combination of the facts it reads
/// (<see cref="RuleFootprint"/>) and shared between the sites that have it: a measure for schools, a step for sites
/// with queues outside. A rule that reads a number (occupancy, attendance) keeps at most <see cref="MostOutcomes"/>
/// outcomes and words the rest each time. Safe to share between threads; a cached outcome costs no allocation.
/// </summary>
internal sealed class CachedRule
{
    private const int MostOutcomes = 1024;

    // Each threat's risk takes 6 bits (0 for not assessed, the risk plus one otherwise), ten threats to a word.
    private const int RiskBits = 6;
    private const int RisksPerWord = 64 / RiskBits;
    private const int HighestRisk = (1 << RiskBits) - 2;

    private readonly Condition? _rule;
    private readonly RuleEvaluator _evaluator;
    private readonly bool _venueType;
    private readonly bool _occupancy;
    private readonly bool _attendance;
    private readonly bool _tier;
    private readonly string[] _attributes;
    private readonly string[] _threats;
    private readonly bool _cacheable;
    private readonly ConcurrentDictionary<FactsKey, RuleOutcome> _outcomes = new();
    private int _count;

    public CachedRule(Condition? rule, RuleEvaluator evaluator)
    {
        _rule = rule;
        _evaluator = evaluator;
        var footprint = new RuleFootprint();
        if (rule is not null)
            evaluator.Footprint(rule, footprint);
        (_venueType, _occupancy, _attendance, _tier) = (footprint.VenueType, footprint.Occupancy, footprint.Attendance, footprint.Tier);
        _attributes = [.. footprint.Attributes];
        _threats = [.. footprint.Threats];
        _cacheable = _attributes.Length <= 64 && _threats.Length <= 2 * RisksPerWord;
    }

    public Condition? Rule => _rule;

    public bool Holds(RuleFacts facts) => _evaluator.Holds(_rule, facts);

    /// <summary>As <see cref="RuleEvaluator.Evaluate"/> says it, the same instance for facts that read alike.</summary>
    public RuleOutcome Evaluate(RuleFacts facts) => Evaluate(facts, out _);

    /// <param name="shared">Whether the outcome is the one kept for every site with these facts (not worded for this site alone).</param>
    public RuleOutcome Evaluate(RuleFacts facts, out bool shared)
    {
        shared = true;
        if (_rule is null)
            return RuleOutcome.EverySite;
        if (_cacheable && TryKey(facts, out var key))
        {
            if (_outcomes.TryGetValue(key, out var kept))
                return kept;
            if (Volatile.Read(ref _count) < MostOutcomes)
            {
                kept = _outcomes.GetOrAdd(key, static (_, state) => state.Evaluator.Evaluate(state.Rule, state.Facts), (Evaluator: _evaluator, Rule: _rule, Facts: facts));
                Interlocked.Increment(ref _count);
                return kept;
            }
        }
        shared = false;
        return _evaluator.Evaluate(_rule, facts);
    }

    private bool TryKey(RuleFacts facts, out FactsKey key)
    {
        key = default;
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

    private readonly record struct FactsKey(string? VenueType, int Occupancy, long Attendance, string? Tier, ulong Attributes, ulong Threats, ulong MoreThreats);
}
