using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Rules;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleTestData;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Methodology.Rules;

public class TierDeterminationTests
{
    [Theory]
    [InlineData("stadium", 199, null)]
    [InlineData("stadium", 200, "standard")]
    [InlineData("stadium", 799, "standard")]
    [InlineData("stadium", 800, "enhanced")]
    [InlineData("school", 800, "standard")]
    [InlineData("place-of-worship", 800, "standard")]
    [InlineData("school", 199, null)]
    public void The_first_tier_whose_rule_holds_wins(string venueType, int occupancy, string? tier)
    {
        var facts = Site(venueType: venueType, occupancy: occupancy);

        Assert.Equal(tier, Evaluator.DetermineTier(facts).Tier?.Key);
        Assert.Equal(tier, Evaluator.FindTier(facts)?.Key);
    }

    [Fact]
    public void The_reason_for_a_tier_gives_the_statements_of_its_rule()
    {
        var outcome = Evaluator.DetermineTier(Site(venueType: "stadium", occupancy: 15000));

        Assert.Same(Enhanced, outcome.Tier);
        Assert.Equal(
            "Tier Enhanced because occupancy 15,000 ≥ 800 and venue type Stadium is not one of Place of worship, School.",
            outcome.Reason.En);
        Assert.Equal(
            "Úroveň Rozšířená, protože obsazenost 15\u00A0000 ≥ 800 a typ objektu Stadion není Místo bohoslužby ani Škola.",
            outcome.Reason.Cs);
    }

    [Fact]
    public void A_lower_tier_gives_the_statements_of_its_own_rule()
    {
        var outcome = Evaluator.DetermineTier(Site(venueType: "school", occupancy: 800));

        Assert.Same(Standard, outcome.Tier);
        Assert.Equal("Tier Standard because occupancy 800 ≥ 200.", outcome.Reason.En);
        Assert.Equal("Úroveň Standardní, protože obsazenost 800 ≥ 200.", outcome.Reason.Cs);
    }

    [Fact]
    public void No_tier_says_why_each_tier_does_not_apply()
    {
        var outcome = Evaluator.DetermineTier(Site(occupancy: 150));

        Assert.Null(outcome.Tier);
        Assert.Equal("No tier: not Enhanced because occupancy 150 < 800; not Standard because occupancy 150 < 200.", outcome.Reason.En);
        Assert.Equal(
            "Bez úrovně: není Rozšířená, protože obsazenost 150 < 800; není Standardní, protože obsazenost 150 < 200.",
            outcome.Reason.Cs);
    }

    [Fact]
    public void A_methodology_without_tiers_gives_no_tier()
    {
        var evaluator = new RuleEvaluator(MethodologyDocument.Empty);

        var outcome = evaluator.DetermineTier(Site());

        Assert.Null(outcome.Tier);
        Assert.Equal("No tier: the methodology defines no tiers.", outcome.Reason.En);
        Assert.Null(evaluator.FindTier(Site()));
    }

    [Fact]
    public void The_site_s_current_tier_does_not_decide_its_tier()
    {
        var selfReferring = new TierRule("enhanced", new("Enhanced", "Rozšířená"), TierIn("enhanced"));
        var evaluator = new RuleEvaluator(Document with { Tiers = [selfReferring] });

        var outcome = evaluator.DetermineTier(Site(tier: "enhanced"));

        Assert.Null(outcome.Tier);
        Assert.Equal("No tier: not Enhanced because the site has no tier.", outcome.Reason.En);
        Assert.Null(evaluator.FindTier(Site(tier: "enhanced")));
    }
}
