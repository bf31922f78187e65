using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>
/// One kind of rule node (all, occupancy, threat, ...): the one place that says how a node of the kind is
/// recognised, evaluated with its reason, validated, described in plain words and started in the rule
/// builder. A new condition type is a new subclass, listed in <see cref="ConditionKinds"/>, plus its texts
/// (reasons in <see cref="RuleTexts"/>, summary words and the builder's labels in the web's RuleStrings).
/// Kinds are stateless singletons; evaluating a node allocates nothing.
/// </summary>
public abstract class ConditionKind
{
    /// <summary>The member's name in the library file and the JSONB document, e.g. <c>occupancy</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the node's member for this kind is present at all (empty or not).</summary>
    public abstract bool IsSet(Condition node);

    /// <summary>Whether the evaluator reads the node as this kind: its member is present and not empty.</summary>
    internal abstract bool Reads(Condition node);

    /// <summary>Whether a node this kind <see cref="Reads"/> holds for the facts.</summary>
    internal abstract bool Holds(Condition node, RuleFacts facts, RuleEvaluator evaluator);

    /// <summary>Decides the node as <see cref="Holds"/> does and adds the true statements that explain the outcome.</summary>
    internal abstract bool Explain(Condition node, RuleFacts facts, RuleEvaluator evaluator, List<LocalizedText> into);

    /// <summary>Adds the facts a node this kind <see cref="Reads"/> reads, children's included, for sharing its outcomes.</summary>
    internal abstract void Footprint(Condition node, RuleEvaluator evaluator, RuleFootprint into);

    /// <summary>Checks a node that has this kind's member and no other.</summary>
    internal abstract void Validate(Condition node, string path, RuleCheck check);

    /// <summary>The node in plain words; an unfinished node says what is missing.</summary>
    public abstract string Describe(Condition node, RuleWords words, bool nested);

    /// <summary>
    /// A new node of this kind for the rule builder. <paramref name="chosen"/> is the node being replaced when it
    /// already has a kind (null otherwise); combinations keep it, or its children, so no work is lost.
    /// </summary>
    public abstract Condition Start(Condition? chosen);

    /// <summary>Whether the node combines other rules (all, any, not) rather than reading a fact of the site.</summary>
    public virtual bool Combines => false;

    /// <summary>Whether the node reads the site's tier, which a tier's own rule may not.</summary>
    public virtual bool ReadsTier => false;

    public override string ToString() => Name;
}

/// <summary>Every kind of rule node, in the order a node is read: its first present member decides its kind.</summary>
public static class ConditionKinds
{
    public static readonly AllKind All = new();
    public static readonly AnyKind Any = new();
    public static readonly NotKind Not = new();
    public static readonly VenueTypeInKind VenueTypeIn = new();
    public static readonly OccupancyKind Occupancy = new();
    public static readonly AttributeKind Attribute = new();
    public static readonly ThreatKind Threat = new();
    public static readonly TierInKind TierIn = new();
    public static readonly AttendanceKind Attendance = new();

    // An array, not a list: the evaluator walks it for every node.
    private static readonly ConditionKind[] Kinds = [All, Any, Not, VenueTypeIn, Occupancy, Attribute, Threat, TierIn, Attendance];

    public static IReadOnlyList<ConditionKind> Ordered => Kinds;

    /// <summary>The node's kind: its first present member; null for no node or a node with none.</summary>
    public static ConditionKind? Of(Condition? node)
    {
        if (node is null)
            return null;
        foreach (var kind in Kinds)
        {
            if (kind.IsSet(node))
                return kind;
        }
        return null;
    }

    public static ConditionKind? Named(string? name)
    {
        foreach (var kind in Kinds)
        {
            if (string.Equals(kind.Name, name, StringComparison.Ordinal))
                return kind;
        }
        return null;
    }

    /// <summary>The kind the evaluator reads the node as: its first present, non-empty member; null when none (it holds).</summary>
    internal static ConditionKind? Read(Condition node)
    {
        var kinds = Kinds;
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i].Reads(node))
                return kinds[i];
        }
        return null;
    }

    /// <summary>"all, any, not, ..." as the validator lists them.</summary>
    internal static string Names { get; } = string.Join(", ", Kinds.Select(k => k.Name));
}
