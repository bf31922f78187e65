using SoftTargets.Core.Domain.Methodology;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleTestData;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Methodology.Rules;

public class RuleEvaluatorCombinationTests
{
    private static readonly Condition BigStadium = All(Occupancy(gte: 800), VenueTypeIn("stadium"));

    [Fact]
    public void All_that_holds_names_every_child()
    {
        var outcome = Evaluator.Evaluate(BigStadium, Site(venueType: "stadium", occupancy: 1200));

        Assert.True(outcome.Holds);
        Assert.Equal("Applies because occupancy 1,200 ≥ 800 and venue type is Stadium.", outcome.Reason.En);
        Assert.Equal("Platí, protože obsazenost 1\u00A0200 ≥ 800 a typ objektu je Stadion.", outcome.Reason.Cs);
    }

    [Fact]
    public void All_that_fails_names_only_the_failing_children()
    {
        var outcome = Evaluator.Evaluate(BigStadium, Site(venueType: "school", occupancy: 1200));

        Assert.False(outcome.Holds);
        Assert.Equal("Excluded because venue type School is not one of Stadium.", outcome.Reason.En);
    }

    [Fact]
    public void All_with_every_child_failing_names_them_all()
    {
        var outcome = Evaluator.Evaluate(BigStadium, Site(venueType: "school", occupancy: 650));

        Assert.Equal("Excluded because occupancy 650 < 800 and venue type School is not one of Stadium.", outcome.Reason.En);
        Assert.Equal("Neplatí, protože obsazenost 650 < 800 a typ objektu Škola není Stadion.", outcome.Reason.Cs);
    }

    [Fact]
    public void Any_that_holds_names_only_the_holding_children()
    {
        var rule = Any(Attribute("outdoor-queues"), TierIn("enhanced"));

        var outcome = Evaluator.Evaluate(rule, Site(attributes: ["outdoor-queues"], tier: "standard"));

        Assert.True(outcome.Holds);
        Assert.Equal("Applies because attribute “Queues form outside” is set.", outcome.Reason.En);
    }

    [Fact]
    public void Any_with_several_holding_children_names_them_all()
    {
        var rule = Any(Attribute("outdoor-queues"), TierIn("enhanced"));

        var outcome = Evaluator.Evaluate(rule, Site(attributes: ["outdoor-queues"], tier: "enhanced"));

        Assert.Equal("Applies because attribute “Queues form outside” is set and tier is Enhanced.", outcome.Reason.En);
    }

    [Fact]
    public void Any_that_fails_names_every_child()
    {
        var rule = Any(Attribute("outdoor-queues"), TierIn("enhanced"));

        var outcome = Evaluator.Evaluate(rule, Site(tier: "standard"));

        Assert.False(outcome.Holds);
        Assert.Equal(
            "Excluded because attribute “Queues form outside” is not set and tier Standard is not one of Enhanced.",
            outcome.Reason.En);
        Assert.Equal(
            "Neplatí, protože vlastnost „Fronty se tvoří venku“ není nastavena a úroveň Standardní není Rozšířená.",
            outcome.Reason.Cs);
    }

    [Fact]
    public void Not_holds_when_its_child_fails_and_gives_the_child_s_statement()
    {
        var outcome = Evaluator.Evaluate(Not(VenueTypeIn("place-of-worship", "school")), Site(venueType: "stadium"));

        Assert.True(outcome.Holds);
        Assert.Equal("Applies because venue type Stadium is not one of Place of worship, School.", outcome.Reason.En);
    }

    [Fact]
    public void Not_fails_when_its_child_holds_and_gives_the_child_s_statement()
    {
        var outcome = Evaluator.Evaluate(Not(VenueTypeIn("place-of-worship", "school")), Site(venueType: "school"));

        Assert.False(outcome.Holds);
        Assert.Equal("Excluded because venue type is School.", outcome.Reason.En);
        Assert.Equal("Neplatí, protože typ objektu je Škola.", outcome.Reason.Cs);
    }

    [Fact]
    public void Double_negation_is_the_rule_itself()
    {
        var outcome = Evaluator.Evaluate(Not(Not(Occupancy(gte: 800))), Site(occupancy: 900));

        Assert.True(outcome.Holds);
        Assert.Equal("Applies because occupancy 900 ≥ 800.", outcome.Reason.En);
    }

    [Fact]
    public void Not_of_any_fails_naming_the_children_that_hold()
    {
        var rule = Not(Any(All(Occupancy(gte: 800), Attribute("outdoor-queues")), TierIn("enhanced")));

        var outcome = Evaluator.Evaluate(rule, Site(occupancy: 1200, attributes: ["outdoor-queues"], tier: "standard"));

        Assert.False(outcome.Holds);
        Assert.Equal("Excluded because occupancy 1,200 ≥ 800 and attribute “Queues form outside” is set.", outcome.Reason.En);
    }

    [Fact]
    public void Not_of_any_holds_naming_why_no_child_holds()
    {
        var rule = Not(Any(All(Occupancy(gte: 800), Attribute("outdoor-queues")), TierIn("enhanced")));

        var outcome = Evaluator.Evaluate(rule, Site(occupancy: 1200, tier: "standard"));

        Assert.True(outcome.Holds);
        Assert.Equal(
            "Applies because attribute “Queues form outside” is not set and tier Standard is not one of Enhanced.",
            outcome.Reason.En);
    }

    [Fact]
    public void All_inside_any_inside_all_explains_through_every_level()
    {
        var rule = All(
            Threat("firearms", riskAtLeast: 10),
            Any(All(VenueTypeIn("stadium", "sports-hall"), Occupancy(gt: 5000)), Not(TierIn("standard"))));

        var holds = Evaluator.Evaluate(rule, Site(venueType: "sports-hall", occupancy: 6000, firearmsRisk: 16, tier: "standard"));
        var fails = Evaluator.Evaluate(rule, Site(venueType: "school", occupancy: 6000, firearmsRisk: 16, tier: "standard"));

        Assert.True(holds.Holds);
        Assert.Equal(
            "Applies because Firearms attack is assessed at risk 16 (at least 10) and venue type is Sports hall and occupancy 6,000 > 5,000.",
            holds.Reason.En);
        Assert.False(fails.Holds);
        Assert.Equal(
            "Excluded because venue type School is not one of Stadium, Sports hall and tier is Standard.",
            fails.Reason.En);
    }

    [Fact]
    public void No_rule_applies_to_every_site()
    {
        var outcome = Evaluator.Evaluate(null, Site());

        Assert.True(outcome.Holds);
        Assert.Equal("Applies to every site.", outcome.Reason.En);
        Assert.Equal("Platí pro každý objekt.", outcome.Reason.Cs);
        Assert.True(Evaluator.Holds(null, Site()));
    }

    public static TheoryData<string, Condition> MalformedNodes => new()
    {
        { "no member", new Condition() },
        { "empty all", new Condition { All = [] } },
        { "empty any", new Condition { Any = [] } },
        { "empty venue type list", new Condition { VenueTypeIn = [] } },
        { "empty tier list", new Condition { TierIn = [] } },
        { "occupancy without a comparison", new Condition { Occupancy = new NumberComparison() } },
        { "empty attribute", new Condition { Attribute = "" } },
        { "threat without a type", new Condition { Threat = new ThreatCondition { Type = null! } } },
    };

    [Theory]
    [MemberData(nameof(MalformedNodes))]
    public void A_malformed_node_holds_as_no_condition(string because, Condition rule)
    {
        var outcome = Evaluator.Evaluate(rule, Site());

        Assert.True(outcome.Holds, because);
        Assert.Equal("Applies because no condition.", outcome.Reason.En);
        Assert.Equal("Platí, protože bez podmínky.", outcome.Reason.Cs);
        Assert.True(Evaluator.Holds(rule, Site()), because);
    }

    [Fact]
    public void A_malformed_child_does_not_hide_the_reason_of_its_siblings()
    {
        var rule = All(new Condition(), null!, Occupancy(gte: 800));

        var outcome = Evaluator.Evaluate(rule, Site(occupancy: 650));

        Assert.False(outcome.Holds);
        Assert.Equal("Excluded because occupancy 650 < 800.", outcome.Reason.En);
    }

    [Fact]
    public void A_node_with_two_members_is_read_by_the_first_in_the_documented_order()
    {
        var rule = new Condition { Attribute = "outdoor-queues", Occupancy = new NumberComparison { Gte = 800 } };

        var outcome = Evaluator.Evaluate(rule, Site(occupancy: 650, attributes: ["outdoor-queues"]));

        Assert.False(outcome.Holds);
        Assert.Equal("Excluded because occupancy 650 < 800.", outcome.Reason.En);
    }
}
