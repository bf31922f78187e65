using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.Web.Features.Methodology.Rules;

/// <summary>
/// The kinds of rule node the builder offers, named as in the library file, and the immutable edits
/// the builder makes. An unfinished node (no kind yet, an empty list, no number) is kept as it is: the
/// methodology validator names it when the draft is checked.
/// </summary>
public static class RuleKinds
{
    // The kinds' names, for code that asks for one kind by name; the list and the kinds themselves are Core's ConditionKinds.
    public const string All = "all";
    public const string Any = "any";
    public const string Not = "not";
    public const string VenueTypeIn = "venueTypeIn";
    public const string Occupancy = "occupancy";
    public const string Attribute = "attribute";
    public const string Threat = "threat";
    public const string TierIn = "tierIn";
    public const string Attendance = "attendance";

    public static IReadOnlyList<string> Ordered { get; } = ConditionKinds.Ordered.Select(k => k.Name).ToList();

    /// <summary>The comparisons of an occupancy rule, in the order the editor offers them.</summary>
    public static IReadOnlyList<string> Comparisons { get; } = ["gte", "gt", "lte", "lt"];

    /// <summary>The node's kind: its first set member in the evaluator's order; null for a node not yet chosen.</summary>
    public static string? Of(Condition? node) => ConditionKinds.Of(node)?.Name;

    /// <summary>
    /// A new node of the kind. Switching between all and any keeps the children; switching to all, any or
    /// not from a chosen condition keeps that condition inside, so no work is lost.
    /// </summary>
    public static Condition Change(Condition? node, string kind)
    {
        var current = ConditionKinds.Of(node);
        if (current?.Name == kind)
            return node!;
        var next = ConditionKinds.Named(kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown rule kind.");
        return next.Start(current is null ? null : node);
    }

    /// <summary>The children of an all or any node, or an empty list.</summary>
    public static IReadOnlyList<Condition> Children(Condition node) => node.All ?? node.Any ?? [];

    /// <summary>The same all or any node with other children.</summary>
    public static Condition WithChildren(Condition node, IReadOnlyList<Condition> children) =>
        node.All is not null ? node with { All = children } : node with { Any = children };

    public static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> list, int index, T item)
    {
        var copy = list.ToList();
        copy[index] = item;
        return copy;
    }

    public static IReadOnlyList<T> RemoveAt<T>(IReadOnlyList<T> list, int index)
    {
        var copy = list.ToList();
        copy.RemoveAt(index);
        return copy;
    }

    public static IReadOnlyList<T> Append<T>(IReadOnlyList<T> list, T item) => [.. list, item];

    /// <summary>The comparison the editor shows: the first one set, in the order gte, gt, lte, lt.</summary>
    public static string? PrimaryComparison(NumberComparison? comparison) => comparison switch
    {
        { Gte: not null } => "gte",
        { Gt: not null } => "gt",
        { Lte: not null } => "lte",
        { Lt: not null } => "lt",
        _ => null,
    };

    public static int? Limit(NumberComparison? comparison, string? name) => name switch
    {
        "gte" => comparison?.Gte,
        "gt" => comparison?.Gt,
        "lte" => comparison?.Lte,
        "lt" => comparison?.Lt,
        _ => null,
    };

    /// <summary>Moves the edited limit from one comparison to another; other limits already set are kept.</summary>
    public static NumberComparison SetLimit(NumberComparison? comparison, string? from, string to, int? value)
    {
        var result = comparison ?? new NumberComparison();
        if (from is not null && from != to)
            result = With(result, from, null);
        return With(result, to, value);
    }

    private static NumberComparison With(NumberComparison comparison, string name, int? value) => name switch
    {
        "gte" => comparison with { Gte = value },
        "gt" => comparison with { Gt = value },
        "lte" => comparison with { Lte = value },
        "lt" => comparison with { Lt = value },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown comparison."),
    };
}
