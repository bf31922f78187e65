using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>
/// Evaluates applicability rules and tiers against a site's facts and says why, in English and Czech.
/// Pure and immutable: build one per methodology document and share it.
/// </summary>
/// <remarks>
/// A node is read by its first set, non-empty member in the order all, any, not, venueTypeIn, occupancy,
/// attribute, threat, tierIn, attendance. A node with none (malformed) holds, as "no condition". <see cref="Holds"/>
/// is the fast path for bulk work; it reads nodes exactly as <see cref="Evaluate"/> does.
/// </remarks>
public sealed class RuleEvaluator
{
    private readonly IReadOnlyList<TierRule> _tiers;
    private readonly RuleTexts _texts;

    public RuleEvaluator(MethodologyDocument document)
    {
        _tiers = document.Tiers;
        _texts = new RuleTexts(document);
    }

    /// <summary>Whether the rule holds, without the reason. A null rule holds for every site.</summary>
    public bool Holds(Condition? rule, RuleFacts facts) => rule switch
    {
        { All: { Count: > 0 } all } => AllHold(all, facts),
        { Any: { Count: > 0 } any } => AnyHolds(any, facts),
        { Not: { } not } => !Holds(not, facts),
        { VenueTypeIn: { Count: > 0 } types } => Contains(types, facts.VenueTypeKey),
        { Occupancy: { } comparison } when HasLimit(comparison) => OccupancyHolds(comparison, facts.MaxOccupancy),
        { Attribute: { Length: > 0 } attribute } => facts.Attributes.Contains(attribute),
        { Threat.Type.Length: > 0 } => ThreatHolds(rule.Threat, Risk(rule.Threat, facts)),
        { TierIn: { Count: > 0 } tiers } => facts.Tier is not null && Contains(tiers, facts.Tier),
        { Attendance: { } comparison } when HasLimit(comparison) => facts.Attendance is { } attendance && OccupancyHolds(comparison, attendance),
        _ => true,
    };

    public RuleOutcome Evaluate(Condition? rule, RuleFacts facts)
    {
        if (rule is null)
            return new(true, RuleTexts.EverySite);
        var statements = new List<LocalizedText>();
        var holds = Explain(rule, facts, statements);
        return new(holds, RuleTexts.Reason(holds, statements));
    }

    /// <summary>The first of the document's tiers whose rule holds, without the reason.</summary>
    public TierRule? FindTier(RuleFacts facts)
    {
        // A tier rule cannot depend on the tier it decides.
        var untiered = facts.Tier is null ? facts : facts with { Tier = null };
        for (var i = 0; i < _tiers.Count; i++)
        {
            if (Holds(_tiers[i].When, untiered))
                return _tiers[i];
        }
        return null;
    }

    public TierOutcome DetermineTier(RuleFacts facts)
    {
        var untiered = facts.Tier is null ? facts : facts with { Tier = null };
        var failed = new List<(string, List<LocalizedText>)>();
        foreach (var tier in _tiers)
        {
            var statements = new List<LocalizedText>();
            if (Explain(tier.When, untiered, statements))
                return new(tier, _texts.TierReason(tier.Key, statements));
            failed.Add((tier.Key, statements));
        }
        return new(null, failed.Count == 0 ? RuleTexts.NoTiers : _texts.NoTierReason(failed));
    }

    /// <summary>
    /// Decides the node as <see cref="Holds"/> does and adds the true statements that explain the outcome:
    /// for all and any, those of the children that decided it; for not, those of its child.
    /// </summary>
    private bool Explain(Condition? rule, RuleFacts facts, List<LocalizedText> into)
    {
        switch (rule)
        {
            case { All: { Count: > 0 } all }:
            {
                var holds = AllHold(all, facts);
                for (var i = 0; i < all.Count; i++)
                {
                    if (holds || !Holds(all[i], facts))
                        Explain(all[i], facts, into);
                }
                return holds;
            }
            case { Any: { Count: > 0 } any }:
            {
                var holds = AnyHolds(any, facts);
                for (var i = 0; i < any.Count; i++)
                {
                    if (!holds || Holds(any[i], facts))
                        Explain(any[i], facts, into);
                }
                return holds;
            }
            case { Not: { } not }:
                return !Explain(not, facts, into);
            case { VenueTypeIn: { Count: > 0 } types }:
            {
                var holds = Contains(types, facts.VenueTypeKey);
                into.Add(_texts.VenueType(facts.VenueTypeKey, types, holds));
                return holds;
            }
            case { Occupancy: { } comparison } when HasLimit(comparison):
            {
                var holds = OccupancyHolds(comparison, facts.MaxOccupancy);
                into.Add(RuleTexts.Occupancy(comparison, facts.MaxOccupancy, holds));
                return holds;
            }
            case { Attribute: { Length: > 0 } attribute }:
            {
                var holds = facts.Attributes.Contains(attribute);
                into.Add(_texts.Attribute(attribute, holds));
                return holds;
            }
            case { Threat.Type.Length: > 0 }:
            {
                var risk = Risk(rule.Threat, facts);
                var holds = ThreatHolds(rule.Threat, risk);
                into.Add(_texts.Threat(rule.Threat, risk, holds));
                return holds;
            }
            case { TierIn: { Count: > 0 } tiers }:
            {
                var holds = facts.Tier is not null && Contains(tiers, facts.Tier);
                into.Add(_texts.Tier(facts.Tier, tiers, holds));
                return holds;
            }
            case { Attendance: { } comparison } when HasLimit(comparison):
            {
                var holds = facts.Attendance is { } attendance && OccupancyHolds(comparison, attendance);
                into.Add(RuleTexts.Attendance(comparison, facts.Attendance, holds));
                return holds;
            }
            default:
                into.Add(RuleTexts.NoCondition);
                return true;
        }
    }

    private bool AllHold(IReadOnlyList<Condition> rules, RuleFacts facts)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (!Holds(rules[i], facts))
                return false;
        }
        return true;
    }

    private bool AnyHolds(IReadOnlyList<Condition> rules, RuleFacts facts)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (Holds(rules[i], facts))
                return true;
        }
        return false;
    }

    private static bool HasLimit(NumberComparison c) => c.Gte is not null || c.Gt is not null || c.Lte is not null || c.Lt is not null;

    private static bool OccupancyHolds(NumberComparison c, int occupancy) =>
        (c.Gte is not { } gte || occupancy >= gte)
        && (c.Gt is not { } gt || occupancy > gt)
        && (c.Lte is not { } lte || occupancy <= lte)
        && (c.Lt is not { } lt || occupancy < lt);

    private static int? Risk(ThreatCondition threat, RuleFacts facts) =>
        facts.ThreatRisks.TryGetValue(threat.Type, out var risk) ? risk : null;

    private static bool ThreatHolds(ThreatCondition threat, int? risk) =>
        risk is { } r && (threat.RiskAtLeast is not { } least || r >= least);

    private static bool Contains(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
