namespace SoftTargets.Core.Domain.Methodology;

/// <summary>
/// An applicability rule: one node of a tree combined with <see cref="All"/>, <see cref="Any"/> and
/// <see cref="Not"/>. Exactly one member is set on a well-formed node; it serialises to the same
/// shape in JSON and YAML, e.g. <c>{ "occupancy": { "gte": 800 } }</c>.
/// </summary>
public sealed record Condition
{
    public IReadOnlyList<Condition>? All { get; init; }
    public IReadOnlyList<Condition>? Any { get; init; }
    public Condition? Not { get; init; }
    public IReadOnlyList<string>? VenueTypeIn { get; init; }
    public NumberComparison? Occupancy { get; init; }
    public string? Attribute { get; init; }
    public ThreatCondition? Threat { get; init; }
    public IReadOnlyList<string>? TierIn { get; init; }

    /// <summary>
    /// The expected attendance at one time of the event a guideline is generated for, e.g.
    /// <c>{ "attendance": { "gte": 5000 } }</c>. The venue itself has no event: the node does not hold for it.
    /// </summary>
    public NumberComparison? Attendance { get; init; }
}

public sealed record NumberComparison
{
    public int? Gte { get; init; }
    public int? Gt { get; init; }
    public int? Lte { get; init; }
    public int? Lt { get; init; }
}

public sealed record ThreatCondition
{
    public required string Type { get; init; }

    /// <summary>Inherent risk (likelihood x impact, 1 to 25) at least this; null means "assessed at all".</summary>
    public int? RiskAtLeast { get; init; }
}
