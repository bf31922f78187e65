using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.UnitTests.Features.Methodology.Rules;

/// <summary>Short ways to write rules in tests.</summary>
internal static class RuleSyntax
{
    public static Condition All(params Condition[] rules) => new() { All = rules };

    public static Condition Any(params Condition[] rules) => new() { Any = rules };

    public static Condition Not(Condition rule) => new() { Not = rule };

    public static Condition VenueTypeIn(params string[] keys) => new() { VenueTypeIn = keys };

    public static Condition Occupancy(int? gte = null, int? gt = null, int? lte = null, int? lt = null) =>
        new() { Occupancy = new NumberComparison { Gte = gte, Gt = gt, Lte = lte, Lt = lt } };

    public static Condition Attribute(string key) => new() { Attribute = key };

    public static Condition Threat(string type, int? riskAtLeast = null) =>
        new() { Threat = new ThreatCondition { Type = type, RiskAtLeast = riskAtLeast } };

    public static Condition TierIn(params string[] keys) => new() { TierIn = keys };
}
