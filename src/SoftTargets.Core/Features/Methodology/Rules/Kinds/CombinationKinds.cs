using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>All or any: a list of rules, each read alike.</summary>
public abstract class ListKind : ConditionKind
{
    protected abstract IReadOnlyList<Condition>? Children(Condition node);

    /// <summary>The summary's word between two children ("and", "or").</summary>
    protected abstract string Connector { get; }

    public override bool Combines => true;

    public override bool IsSet(Condition node) => Children(node) is not null;

    internal override bool Reads(Condition node) => Children(node) is { Count: > 0 };

    internal override void Footprint(Condition node, RuleEvaluator evaluator, RuleFootprint into)
    {
        foreach (var child in Children(node)!)
            evaluator.Footprint(child, into);
    }

    internal override void Validate(Condition node, string path, RuleCheck check)
    {
        var list = Children(node)!;
        if (list.Count == 0) check.Add($"{path}.{Name}", $"'{Name}' needs at least one rule.", $"'{Name}' potřebuje alespoň jedno pravidlo.");
        for (var i = 0; i < list.Count; i++) check.Rule(list[i], $"{path}.{Name}[{i}]");
    }

    public override string Describe(Condition node, RuleWords words, bool nested)
    {
        var children = Children(node)!;
        if (children.Count == 0)
            return words.Text("Summary_NoConditions");
        if (children.Count == 1)
            return words.Node(children[0], nested);
        var joined = string.Join(" " + words.Text(Connector) + " ", children.Select(c => words.Node(c, nested: true)));
        return nested ? $"({joined})" : joined;
    }

    /// <summary>The children of a chosen node: those of an all or any, else the chosen node itself, else one empty node.</summary>
    protected static IReadOnlyList<Condition> Kept(Condition? chosen) =>
        chosen?.All ?? chosen?.Any ?? (chosen is null ? [new Condition()] : [chosen]);
}

/// <summary><c>all: [...]</c> holds when every rule does; its reason names them all, or the ones that failed.</summary>
public sealed class AllKind : ListKind
{
    public override string Name => "all";

    protected override string Connector => "Summary_And";

    protected override IReadOnlyList<Condition>? Children(Condition node) => node.All;

    internal override bool Holds(Condition node, RuleFacts facts, RuleEvaluator evaluator)
    {
        var all = node.All!;
        for (var i = 0; i < all.Count; i++)
        {
            if (!evaluator.Holds(all[i], facts))
                return false;
        }
        return true;
    }

    internal override bool Explain(Condition node, RuleFacts facts, RuleEvaluator evaluator, List<LocalizedText> into)
    {
        var all = node.All!;
        var holds = Holds(node, facts, evaluator);
        for (var i = 0; i < all.Count; i++)
        {
            if (holds || !evaluator.Holds(all[i], facts))
                evaluator.Explain(all[i], facts, into);
        }
        return holds;
    }

    public override Condition Start(Condition? chosen) => new() { All = Kept(chosen) };
}

/// <summary><c>any: [...]</c> holds when one rule does; its reason names those that held, or all that failed.</summary>
public sealed class AnyKind : ListKind
{
    public override string Name => "any";

    protected override string Connector => "Summary_Or";

    protected override IReadOnlyList<Condition>? Children(Condition node) => node.Any;

    internal override bool Holds(Condition node, RuleFacts facts, RuleEvaluator evaluator)
    {
        var any = node.Any!;
        for (var i = 0; i < any.Count; i++)
        {
            if (evaluator.Holds(any[i], facts))
                return true;
        }
        return false;
    }

    internal override bool Explain(Condition node, RuleFacts facts, RuleEvaluator evaluator, List<LocalizedText> into)
    {
        var any = node.Any!;
        var holds = Holds(node, facts, evaluator);
        for (var i = 0; i < any.Count; i++)
        {
            if (!holds || evaluator.Holds(any[i], facts))
                evaluator.Explain(any[i], facts, into);
        }
        return holds;
    }

    public override Condition Start(Condition? chosen) => new() { Any = Kept(chosen) };
}

/// <summary><c>not: {...}</c> holds when its rule does not; its reason is its rule's.</summary>
public sealed class NotKind : ConditionKind
{
    public override string Name => "not";

    public override bool Combines => true;

    public override bool IsSet(Condition node) => node.Not is not null;

    internal override bool Reads(Condition node) => node.Not is not null;

    internal override bool Holds(Condition node, RuleFacts facts, RuleEvaluator evaluator) => !evaluator.Holds(node.Not, facts);

    internal override bool Explain(Condition node, RuleFacts facts, RuleEvaluator evaluator, List<LocalizedText> into) =>
        !evaluator.Explain(node.Not, facts, into);

    internal override void Footprint(Condition node, RuleEvaluator evaluator, RuleFootprint into) => evaluator.Footprint(node.Not, into);

    internal override void Validate(Condition node, string path, RuleCheck check) => check.Rule(node.Not, $"{path}.not");

    public override string Describe(Condition node, RuleWords words, bool nested) =>
        words.Format("Summary_Not", words.Node(node.Not!, nested: false));

    public override Condition Start(Condition? chosen) => new() { Not = chosen ?? new Condition() };
}
