using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>A number of the site compared with limits (<c>gte</c>, <c>gt</c>, <c>lte</c>, <c>lt</c>), every one set must hold.</summary>
public abstract class ComparisonKind : ConditionKind
{
    public abstract NumberComparison? Number(Condition node);

    public abstract Condition WithNumber(Condition node, NumberComparison number);

    protected abstract string SummaryKey { get; }

    protected abstract string SummaryNoneKey { get; }

    public override bool IsSet(Condition node) => Number(node) is not null;

    internal override bool Reads(Condition node) => Number(node) is { } comparison && HasLimit(comparison);

    internal override void Validate(Condition node, string path, RuleCheck check)
    {
        if (!HasLimit(Number(node)!))
            check.Add($"{path}.{Name}", $"{Name} needs gte, gt, lte or lt with a number.", $"{Name} potřebuje gte, gt, lte nebo lt s číslem.");
    }

    public override string Describe(Condition node, RuleWords words, bool nested) =>
        words.Comparison(Number(node)!, SummaryKey, SummaryNoneKey);

    public override Condition Start(Condition? chosen) => WithNumber(new Condition(), new NumberComparison());

    private static bool HasLimit(NumberComparison c) => c.Gte is not null || c.Gt is not null || c.Lte is not null || c.Lt is not null;

    protected static bool Within(NumberComparison c, int value) =>
        (c.Gte is not { } gte || value >= gte)
        && (c.Gt is not { } gt || value > gt)
        && (c.Lte is not { } lte || value <= lte)
        && (c.Lt is not { } lt || value < lt);
}

/// <summary><c>occupancy: { gte: 800 }</c>: the site's maximum occupancy.</summary>
public sealed class OccupancyKind : ComparisonKind
{
    public override string Name => "occupancy";
    protected override string SummaryKey => "Summary_Occupancy";
    protected override string SummaryNoneKey => "Summary_OccupancyNone";

    public override NumberComparison? Number(Condition node) => node.Occupancy;

    public override Condition WithNumber(Condition node, NumberComparison number) => node with { Occupancy = number };

    internal override void Footprint(Condition node, RuleEvaluator evaluator, RuleFootprint into) => into.Occupancy = true;

    internal override bool Holds(Condition node, RuleFacts facts, RuleEvaluator evaluator) => Within(node.Occupancy!, facts.MaxOccupancy);

    internal override bool Explain(Condition node, RuleFacts facts, RuleEvaluator evaluator, List<LocalizedText> into)
    {
        var holds = Holds(node, facts, evaluator);
        into.Add(RuleTexts.Occupancy(node.Occupancy!, facts.MaxOccupancy, holds));
        return holds;
    }
}

/// <summary>
/// <c>attendance: { gte: 5000 }</c>: the expected attendance at one time of the event a guideline is generated for;
/// the venue itself has no event, so the node does not hold for it.
/// </summary>
public sealed class AttendanceKind : ComparisonKind
{
    public override string Name => "attendance";
    protected override string SummaryKey => "Summary_Attendance";
    protected override string SummaryNoneKey => "Summary_AttendanceNone";

    public override NumberComparison? Number(Condition node) => node.Attendance;

    public override Condition WithNumber(Condition node, NumberComparison number) => node with { Attendance = number };

    internal override void Footprint(Condition node, RuleEvaluator evaluator, RuleFootprint into) => into.Attendance = true;

    internal override bool Holds(Condition node, RuleFacts facts, RuleEvaluator evaluator) =>
        facts.Attendance is { } attendance && Within(node.Attendance!, attendance);

    internal override bool Explain(Condition node, RuleFacts facts, RuleEvaluator evaluator, List<LocalizedText> into)
    {
        var holds = Holds(node, facts, evaluator);
        into.Add(RuleTexts.Attendance(node.Attendance!, facts.Attendance, holds));
        return holds;
    }
}
