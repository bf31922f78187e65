using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.UnitTests.Web.Methodology;

/// <summary>A small methodology to name venue types, attributes, threats and tiers in rule tests.</summary>
internal static class RuleCatalog
{
    public static MethodologyDocument Document { get; } = new()
    {
        VenueTypes =
        [
            new("stadium", new("Stadium", "Stadion")),
            new("arena", new("Arena", "Aréna")),
            new("school", new("School", "Škola")),
        ],
        Attributes = [new("outdoor-queues", new("Queues form outside", "Fronty se tvoří venku"))],
        ThreatTypes = [new("firearms", new("Firearms attack", "Útok střelnou zbraní"))],
        Tiers =
        [
            new("enhanced", new("Enhanced", "Rozšířená"), Occupancy(gte: 800)),
            new("standard", new("Standard", "Standardní"), Occupancy(gte: 200)),
        ],
    };

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
