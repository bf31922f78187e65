using SoftTargets.Core.Domain.Methodology;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

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
}
