using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>A list of keys from one of the methodology's catalogues; the node holds when the site's key is one of them.</summary>
public abstract class KeyListKind : ConditionKind
{
    public abstract IReadOnlyList<string>? Keys(Condition node);

    public abstract Condition WithKeys(Condition node, IReadOnlyList<string> keys);

    /// <summary>The catalogue the keys come from, with display names.</summary>
    public abstract IEnumerable<(string Key, LocalizedText Name)> Catalogue(MethodologyDocument document);

    /// <summary>The rule builder's text key for the list's label and the end of its input's id.</summary>
    public abstract string LabelKey { get; }

    public abstract string InputName { get; }

    /// <summary>The summary's text keys: for the list, and for a list with nothing chosen yet.</summary>
    protected abstract string SummaryKey { get; }

    protected abstract string SummaryNoneKey { get; }

    public override bool IsSet(Condition node) => Keys(node) is not null;

    internal override bool Reads(Condition node) => Keys(node) is { Count: > 0 };

    public override string Describe(Condition node, RuleWords words, bool nested) =>
        Keys(node)!.Count == 0
            ? words.Text(SummaryNoneKey)
            : words.Format(SummaryKey, words.Names(Catalogue(words.Catalog), Keys(node)!));

    public override Condition Start(Condition? chosen) => WithKeys(new Condition(), []);

    protected static bool Contains(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}

/// <summary><c>venueTypeIn: [stadium, arena]</c>: the site's venue type is one of these.</summary>
public sealed class VenueTypeInKind : KeyListKind
{
    public override string Name => "venueTypeIn";
    public override string LabelKey => "VenueTypes_Label";
    public override string InputName => "venue-types";
    protected override string SummaryKey => "Summary_VenueTypeIn";
    protected override string SummaryNoneKey => "Summary_VenueTypeNone";

    public override IReadOnlyList<string>? Keys(Condition node) => node.VenueTypeIn;

    public override Condition WithKeys(Condition node, IReadOnlyList<string> keys) => node with { VenueTypeIn = keys };

    public override IEnumerable<(string Key, LocalizedText Name)> Catalogue(MethodologyDocument document) =>
        document.VenueTypes.Select(i => (i.Key, i.Name));

    internal override void Footprint(Condition node, RuleEvaluator evaluator, RuleFootprint into) => into.VenueType = true;

    internal override bool Holds(Condition node, RuleFacts facts, RuleEvaluator evaluator) => Contains(node.VenueTypeIn!, facts.VenueTypeKey);

    internal override bool Explain(Condition node, RuleFacts facts, RuleEvaluator evaluator, List<LocalizedText> into)
    {
        var holds = Holds(node, facts, evaluator);
        into.Add(evaluator.Texts.VenueType(facts.VenueTypeKey, node.VenueTypeIn!, holds));
        return holds;
    }

    internal override void Validate(Condition node, string path, RuleCheck check) =>
        check.References(check.Known.VenueTypes, node.VenueTypeIn, $"{path}.venueTypeIn", "venue type", "typ objektu");
}

/// <summary><c>tierIn: [enhanced]</c>: the site's tier is one of these (never inside a tier's own rule).</summary>
public sealed class TierInKind : KeyListKind
{
    public override string Name => "tierIn";
    public override string LabelKey => "Tiers_Label";
    public override string InputName => "tiers";
    protected override string SummaryKey => "Summary_TierIn";
    protected override string SummaryNoneKey => "Summary_TierNone";
    public override bool ReadsTier => true;

    public override IReadOnlyList<string>? Keys(Condition node) => node.TierIn;

    public override Condition WithKeys(Condition node, IReadOnlyList<string> keys) => node with { TierIn = keys };

    public override IEnumerable<(string Key, LocalizedText Name)> Catalogue(MethodologyDocument document) =>
        document.Tiers.Select(t => (t.Key, t.Name));

    internal override void Footprint(Condition node, RuleEvaluator evaluator, RuleFootprint into) => into.Tier = true;

    internal override bool Holds(Condition node, RuleFacts facts, RuleEvaluator evaluator) =>
        facts.Tier is not null && Contains(node.TierIn!, facts.Tier);

    internal override bool Explain(Condition node, RuleFacts facts, RuleEvaluator evaluator, List<LocalizedText> into)
    {
        var holds = Holds(node, facts, evaluator);
        into.Add(evaluator.Texts.Tier(facts.Tier, node.TierIn!, holds));
        return holds;
    }

    internal override void Validate(Condition node, string path, RuleCheck check)
    {
        if (check.InsideTier) check.Add($"{path}.tierIn", "A tier's own rule cannot depend on the tier.", "Pravidlo úrovně nemůže záviset na úrovni.");
        else check.References(check.Known.Tiers, node.TierIn, $"{path}.tierIn", "tier", "úroveň");
    }
}
