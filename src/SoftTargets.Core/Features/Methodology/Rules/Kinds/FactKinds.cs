using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary><c>attribute: outdoor-queues</c>: the site has the attribute.</summary>
public sealed class AttributeKind : ConditionKind
{
    public override string Name => "attribute";

    public override bool IsSet(Condition node) => node.Attribute is not null;

    internal override bool Reads(Condition node) => node.Attribute is { Length: > 0 };

    internal override void Footprint(Condition node, RuleEvaluator evaluator, RuleFootprint into) => into.Attribute(node.Attribute!);

    internal override bool Holds(Condition node, RuleFacts facts, RuleEvaluator evaluator) => facts.Attributes.Contains(node.Attribute!);

    internal override bool Explain(Condition node, RuleFacts facts, RuleEvaluator evaluator, List<LocalizedText> into)
    {
        var holds = Holds(node, facts, evaluator);
        into.Add(evaluator.Texts.Attribute(node.Attribute!, holds));
        return holds;
    }

    internal override void Validate(Condition node, string path, RuleCheck check) =>
        check.Reference(check.Known.Attributes, node.Attribute!, $"{path}.attribute", "attribute", "vlastnost");

    public override string Describe(Condition node, RuleWords words, bool nested) =>
        string.IsNullOrEmpty(node.Attribute)
            ? words.Text("Summary_AttributeNone")
            : words.Format("Summary_Attribute", words.Name(words.Catalog.Attributes.Select(i => (i.Key, i.Name)), node.Attribute));

    public override Condition Start(Condition? chosen) => new() { Attribute = "" };
}

/// <summary><c>threat: { type: firearms, riskAtLeast: 12 }</c>: the threat is assessed, at least at that inherent risk when given.</summary>
public sealed class ThreatKind : ConditionKind
{
    public override string Name => "threat";

    public override bool IsSet(Condition node) => node.Threat is not null;

    internal override bool Reads(Condition node) => node.Threat?.Type is { Length: > 0 };

    internal override void Footprint(Condition node, RuleEvaluator evaluator, RuleFootprint into) => into.Threat(node.Threat!.Type);

    internal override bool Holds(Condition node, RuleFacts facts, RuleEvaluator evaluator) => Holds(node.Threat!, Risk(node.Threat!, facts));

    internal override bool Explain(Condition node, RuleFacts facts, RuleEvaluator evaluator, List<LocalizedText> into)
    {
        var risk = Risk(node.Threat!, facts);
        var holds = Holds(node.Threat!, risk);
        into.Add(evaluator.Texts.Threat(node.Threat!, risk, holds));
        return holds;
    }

    internal override void Validate(Condition node, string path, RuleCheck check)
    {
        check.Reference(check.Known.Threats, node.Threat!.Type, $"{path}.threat.type", "threat type", "typ hrozby");
        if (node.Threat.RiskAtLeast is < 1 or > 25)
            check.Add($"{path}.threat.riskAtLeast", "riskAtLeast must be from 1 to 25 (likelihood × impact).", "riskAtLeast musí být 1 až 25 (pravděpodobnost × dopad).");
    }

    public override string Describe(Condition node, RuleWords words, bool nested)
    {
        var threat = node.Threat!;
        if (string.IsNullOrEmpty(threat.Type))
            return words.Text("Summary_ThreatNone");
        var name = words.Name(words.Catalog.ThreatTypes.Select(i => (i.Key, i.Name)), threat.Type);
        return threat.RiskAtLeast is { } least ? words.Format("Summary_ThreatRisk", name, least) : words.Format("Summary_Threat", name);
    }

    public override Condition Start(Condition? chosen) => new() { Threat = new ThreatCondition { Type = "" } };

    private static int? Risk(ThreatCondition threat, RuleFacts facts) =>
        facts.ThreatRisks.TryGetValue(threat.Type, out var risk) ? risk : null;

    private static bool Holds(ThreatCondition threat, int? risk) =>
        risk is { } r && (threat.RiskAtLeast is not { } least || r >= least);
}
