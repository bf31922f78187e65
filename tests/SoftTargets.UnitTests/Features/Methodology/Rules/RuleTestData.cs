using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Rules;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Methodology.Rules;

/// <summary>A small methodology with UK-style tiers, and short ways to write rules and sites.</summary>
internal static class RuleTestData
{
    public static TierRule Enhanced { get; } = new("enhanced", new("Enhanced", "Rozšířená"),
        All(Occupancy(gte: 800), Not(VenueTypeIn("place-of-worship", "school"))));

    public static TierRule Standard { get; } = new("standard", new("Standard", "Standardní"), Occupancy(gte: 200));

    public static MethodologyDocument Document { get; } = new()
    {
        VenueTypes =
        [
            new("stadium", new("Stadium", "Stadion")),
            new("school", new("School", "Škola")),
            new("place-of-worship", new("Place of worship", "Místo bohoslužby")),
            new("sports-hall", new("Sports hall", "Sportovní hala")),
        ],
        Attributes = [new("outdoor-queues", new("Queues form outside", "Fronty se tvoří venku"))],
        ThreatTypes = [new("firearms", new("Firearms attack", "Útok střelnou zbraní"))],
        Tiers = [Enhanced, Standard],
    };

    public static RuleEvaluator Evaluator { get; } = new(Document);

    public static RuleFacts Site(
        string venueType = "stadium",
        int occupancy = 1200,
        string[]? attributes = null,
        int? firearmsRisk = null,
        string? tier = null) =>
        new(venueType,
            occupancy,
            new HashSet<string>(attributes ?? []),
            firearmsRisk is { } risk ? new Dictionary<string, int> { ["firearms"] = risk } : new Dictionary<string, int>(),
            tier);

    public static LocalizedText Reason(Condition? rule, RuleFacts facts) => Evaluator.Evaluate(rule, facts).Reason;
}
