using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Rules;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleTestData;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Methodology.Rules;

public class RuleEvaluatorConsistencyTests
{
    private static readonly Condition?[] Rules =
    [
        null,
        new Condition(),
        new Condition { All = [] },
        new Condition { Any = [] },
        Not(new Condition()),
        Occupancy(gte: 800),
        Occupancy(gt: 800),
        Occupancy(lte: 800),
        Occupancy(lt: 800),
        Occupancy(gte: 200, lt: 1000),
        VenueTypeIn("stadium"),
        VenueTypeIn("place-of-worship", "school"),
        Attribute("outdoor-queues"),
        Threat("firearms"),
        Threat("firearms", riskAtLeast: 12),
        TierIn("enhanced"),
        TierIn("enhanced", "standard"),
        Enhanced.When,
        Standard.When,
        Any(Attribute("outdoor-queues"), TierIn("enhanced")),
        Not(Any(All(Occupancy(gte: 800), Attribute("outdoor-queues")), TierIn("enhanced"))),
        All(Threat("firearms", 10), Any(All(VenueTypeIn("stadium"), Occupancy(gt: 5000)), Not(TierIn("standard")))),
        Not(All(Not(Occupancy(lt: 200)), Any(VenueTypeIn("school"), Not(Threat("firearms"))))),
    ];

    private static readonly RuleFacts[] Sites =
    [
        Site(),
        Site(venueType: "school", occupancy: 150),
        Site(venueType: "school", occupancy: 800, tier: "standard"),
        Site(venueType: "place-of-worship", occupancy: 800, attributes: ["outdoor-queues"], firearmsRisk: 8),
        Site(venueType: "stadium", occupancy: 6000, attributes: ["outdoor-queues"], firearmsRisk: 16, tier: "enhanced"),
        Site(venueType: "sports-hall", occupancy: 200, firearmsRisk: 12, tier: "standard"),
        Site(venueType: "unknown", occupancy: 0),
        Site(venueType: "stadium", occupancy: 1000, firearmsRisk: 25, tier: "retired-tier"),
    ];

    [Fact]
    public void Holds_agrees_with_evaluate_on_every_rule_and_site()
    {
        foreach (var rule in Rules)
        {
            foreach (var site in Sites)
            {
                var outcome = Evaluator.Evaluate(rule, site);

                Assert.Equal(outcome.Holds, Evaluator.Holds(rule, site));
                Assert.StartsWith(outcome.Holds ? "Applies" : "Excluded", outcome.Reason.En);
                Assert.StartsWith(outcome.Holds ? "Platí" : "Neplatí", outcome.Reason.Cs);
                Assert.EndsWith(".", outcome.Reason.En);
                Assert.EndsWith(".", outcome.Reason.Cs);
            }
        }
    }

    [Fact]
    public void Find_tier_agrees_with_determine_tier_on_every_site()
    {
        foreach (var site in Sites)
            Assert.Same(Evaluator.DetermineTier(site).Tier, Evaluator.FindTier(site));
    }

    [Fact]
    public void The_same_input_gives_the_same_outcome_and_reason()
    {
        var other = new RuleEvaluator(Document);

        foreach (var rule in Rules)
        {
            foreach (var site in Sites)
            {
                var first = Evaluator.Evaluate(rule, site);

                Assert.Equal(first, Evaluator.Evaluate(rule, site));
                Assert.Equal(first, other.Evaluate(rule, site));
            }
        }
        foreach (var site in Sites)
            Assert.Equal(Evaluator.DetermineTier(site), other.DetermineTier(site));
    }
}
