using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleTestData;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Methodology.Rules;

public class RuleEvaluatorLeafTests
{
    [Theory]
    [InlineData(800, null, null, null, 1200, true, "Applies because occupancy 1,200 ≥ 800.")]
    [InlineData(800, null, null, null, 800, true, "Applies because occupancy 800 ≥ 800.")]
    [InlineData(800, null, null, null, 650, false, "Excluded because occupancy 650 < 800.")]
    [InlineData(null, 800, null, null, 801, true, "Applies because occupancy 801 > 800.")]
    [InlineData(null, 800, null, null, 800, false, "Excluded because occupancy 800 ≤ 800.")]
    [InlineData(null, null, 800, null, 800, true, "Applies because occupancy 800 ≤ 800.")]
    [InlineData(null, null, 800, null, 801, false, "Excluded because occupancy 801 > 800.")]
    [InlineData(null, null, null, 800, 799, true, "Applies because occupancy 799 < 800.")]
    [InlineData(null, null, null, 800, 800, false, "Excluded because occupancy 800 ≥ 800.")]
    public void Each_occupancy_comparison_states_the_comparison_that_is_true(
        int? gte, int? gt, int? lte, int? lt, int occupancy, bool holds, string reason)
    {
        var outcome = Evaluator.Evaluate(Occupancy(gte, gt, lte, lt), Site(occupancy: occupancy));

        Assert.Equal(holds, outcome.Holds);
        Assert.Equal(reason, outcome.Reason.En);
    }

    [Theory]
    [InlineData(500, true, "Applies because occupancy 500 ≥ 200 and < 1,000.")]
    [InlineData(200, true, "Applies because occupancy 200 ≥ 200 and < 1,000.")]
    [InlineData(100, false, "Excluded because occupancy 100 < 200.")]
    [InlineData(1000, false, "Excluded because occupancy 1,000 ≥ 1,000.")]
    [InlineData(25000, false, "Excluded because occupancy 25,000 ≥ 1,000.")]
    public void Several_occupancy_comparisons_must_all_hold_and_a_failure_names_only_the_failing_ones(
        int occupancy, bool holds, string reason)
    {
        var outcome = Evaluator.Evaluate(Occupancy(gte: 200, lt: 1000), Site(occupancy: occupancy));

        Assert.Equal(holds, outcome.Holds);
        Assert.Equal(reason, outcome.Reason.En);
    }

    [Fact]
    public void Contradictory_occupancy_comparisons_name_every_failing_one()
    {
        var outcome = Evaluator.Evaluate(Occupancy(gte: 800, lte: 100), Site(occupancy: 500));

        Assert.False(outcome.Holds);
        Assert.Equal("Excluded because occupancy 500 < 800 and > 100.", outcome.Reason.En);
    }

    [Fact]
    public void Occupancy_is_written_with_czech_thousands_separators_in_czech()
    {
        var outcome = Evaluator.Evaluate(Occupancy(gte: 800, lte: 5000), Site(occupancy: 1200));

        Assert.Equal("Platí, protože obsazenost 1\u00A0200 ≥ 800 a ≤ 5\u00A0000.", outcome.Reason.Cs);
    }

    [Fact]
    public void Venue_type_in_the_list_holds_and_names_the_site_s_venue_type()
    {
        var outcome = Evaluator.Evaluate(VenueTypeIn("stadium", "sports-hall"), Site(venueType: "stadium"));

        Assert.True(outcome.Holds);
        Assert.Equal("Applies because venue type is Stadium.", outcome.Reason.En);
        Assert.Equal("Platí, protože typ objektu je Stadion.", outcome.Reason.Cs);
    }

    [Fact]
    public void Venue_type_not_in_the_list_fails_and_names_the_list()
    {
        var outcome = Evaluator.Evaluate(VenueTypeIn("stadium", "sports-hall"), Site(venueType: "school"));

        Assert.False(outcome.Holds);
        Assert.Equal("Excluded because venue type School is not one of Stadium, Sports hall.", outcome.Reason.En);
        Assert.Equal("Neplatí, protože typ objektu Škola není Stadion ani Sportovní hala.", outcome.Reason.Cs);
    }

    [Fact]
    public void Keys_missing_from_the_catalogues_are_shown_as_the_key()
    {
        var outcome = Evaluator.Evaluate(VenueTypeIn("stadium", "ferry"), Site(venueType: "marina"));

        Assert.Equal("Excluded because venue type marina is not one of Stadium, ferry.", outcome.Reason.En);
    }

    [Fact]
    public void Attribute_that_is_set_holds()
    {
        var outcome = Evaluator.Evaluate(Attribute("outdoor-queues"), Site(attributes: ["outdoor-queues"]));

        Assert.True(outcome.Holds);
        Assert.Equal("Applies because attribute “Queues form outside” is set.", outcome.Reason.En);
        Assert.Equal("Platí, protože vlastnost „Fronty se tvoří venku“ je nastavena.", outcome.Reason.Cs);
    }

    [Fact]
    public void Attribute_that_is_not_set_fails()
    {
        var outcome = Evaluator.Evaluate(Attribute("outdoor-queues"), Site(attributes: ["children-present"]));

        Assert.False(outcome.Holds);
        Assert.Equal("Excluded because attribute “Queues form outside” is not set.", outcome.Reason.En);
        Assert.Equal("Neplatí, protože vlastnost „Fronty se tvoří venku“ není nastavena.", outcome.Reason.Cs);
    }

    [Theory]
    [InlineData(15, true, "Applies because Firearms attack is assessed at risk 15 (at least 12).")]
    [InlineData(12, true, "Applies because Firearms attack is assessed at risk 12 (at least 12).")]
    [InlineData(8, false, "Excluded because Firearms attack is assessed at risk 8, below 12.")]
    [InlineData(null, false, "Excluded because Firearms attack is not assessed.")]
    public void Threat_with_a_minimum_risk_holds_when_assessed_at_least_that_high(int? risk, bool holds, string reason)
    {
        var outcome = Evaluator.Evaluate(Threat("firearms", riskAtLeast: 12), Site(firearmsRisk: risk));

        Assert.Equal(holds, outcome.Holds);
        Assert.Equal(reason, outcome.Reason.En);
    }

    [Theory]
    [InlineData(1, true, "Applies because Firearms attack is assessed at risk 1.")]
    [InlineData(null, false, "Excluded because Firearms attack is not assessed.")]
    public void Threat_without_a_minimum_risk_holds_when_assessed_at_all(int? risk, bool holds, string reason)
    {
        var outcome = Evaluator.Evaluate(Threat("firearms"), Site(firearmsRisk: risk));

        Assert.Equal(holds, outcome.Holds);
        Assert.Equal(reason, outcome.Reason.En);
    }

    [Fact]
    public void Threat_reasons_in_czech()
    {
        Assert.Equal("Platí, protože hrozba Útok střelnou zbraní je posouzena s rizikem 15 (alespoň 12).",
            Reason(Threat("firearms", 12), Site(firearmsRisk: 15)).Cs);
        Assert.Equal("Neplatí, protože hrozba Útok střelnou zbraní je posouzena s rizikem 8, nižším než 12.",
            Reason(Threat("firearms", 12), Site(firearmsRisk: 8)).Cs);
        Assert.Equal("Neplatí, protože hrozba Útok střelnou zbraní není posouzena.",
            Reason(Threat("firearms"), Site()).Cs);
        Assert.Equal("Platí, protože hrozba Útok střelnou zbraní je posouzena s rizikem 4.",
            Reason(Threat("firearms"), Site(firearmsRisk: 4)).Cs);
    }

    [Fact]
    public void Tier_in_the_list_holds()
    {
        var outcome = Evaluator.Evaluate(TierIn("enhanced"), Site(tier: "enhanced"));

        Assert.True(outcome.Holds);
        Assert.Equal("Applies because tier is Enhanced.", outcome.Reason.En);
        Assert.Equal("Platí, protože úroveň je Rozšířená.", outcome.Reason.Cs);
    }

    [Fact]
    public void Tier_not_in_the_list_fails()
    {
        var outcome = Evaluator.Evaluate(TierIn("enhanced"), Site(tier: "standard"));

        Assert.False(outcome.Holds);
        Assert.Equal("Excluded because tier Standard is not one of Enhanced.", outcome.Reason.En);
        Assert.Equal("Neplatí, protože úroveň Standardní není Rozšířená.", outcome.Reason.Cs);
    }

    [Fact]
    public void Tier_in_fails_for_a_site_without_a_tier()
    {
        var outcome = Evaluator.Evaluate(TierIn("enhanced", "standard"), Site(tier: null));

        Assert.False(outcome.Holds);
        Assert.Equal("Excluded because the site has no tier.", outcome.Reason.En);
        Assert.Equal("Neplatí, protože objekt nemá úroveň.", outcome.Reason.Cs);
    }
}
