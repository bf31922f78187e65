using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>
/// Evaluates applicability rules and tiers against a site's facts and says why, in English and Czech.
/// Pure and immutable: build one per methodology document and share it.
/// </summary>
/// <remarks>
/// A node is read by its first set, non-empty member in the order of <see cref="ConditionKinds"/> (all, any, not,
/// venueTypeIn, occupancy, attribute, threat, tierIn, attendance); its <see cref="ConditionKind"/> decides it and
/// says why. A node with none (malformed) holds, as "no condition". <see cref="Holds"/> is the fast path for bulk
/// work; it reads nodes exactly as <see cref="Evaluate"/> does.
/// </remarks>
public sealed class RuleEvaluator
{
    private readonly IReadOnlyList<TierRule> _tiers;
    private readonly RuleTexts _texts;

    /// <summary>The words of reasons, with the document's names, for the kinds' statements.</summary>
    internal RuleTexts Texts => _texts;

    public RuleEvaluator(MethodologyDocument document)
    {
        _tiers = document.Tiers;
        _texts = new RuleTexts(document);
    }

    /// <summary>Whether the rule holds, without the reason. A null rule holds for every site.</summary>
    public bool Holds(Condition? rule, RuleFacts facts) =>
        rule is null || ConditionKinds.Read(rule) is not { } kind || kind.Holds(rule, facts, this);

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
    internal bool Explain(Condition? rule, RuleFacts facts, List<LocalizedText> into)
    {
        if (rule is not null && ConditionKinds.Read(rule) is { } kind)
            return kind.Explain(rule, facts, this, into);
        into.Add(RuleTexts.NoCondition);
        return true;
    }

    /// <summary>Adds the facts of a site the rule reads, as <see cref="Explain"/> reads its nodes (see <see cref="CachedRule"/>).</summary>
    internal void Footprint(Condition? rule, RuleFootprint into)
    {
        if (rule is not null && ConditionKinds.Read(rule) is { } kind)
            kind.Footprint(rule, this, into);
    }
}
