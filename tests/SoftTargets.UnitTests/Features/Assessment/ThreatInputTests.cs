using SoftTargets.Core.Features.Assessment;

namespace SoftTargets.UnitTests.Features.Assessment;

public class ThreatInputTests
{
    private static readonly string[] Catalogue = ["firearms", "arson"];

    [Fact]
    public void A_complete_rating_with_residual_at_or_below_inherent_has_no_problems()
    {
        Assert.Empty(new ThreatInput("firearms", 3, 4, 2, 4, "Crowds queue outside.").Problems(Catalogue));
        Assert.Empty(new ThreatInput("firearms", 3, 4, 3, 4, "No measures yet.").Problems(Catalogue));
    }

    [Fact]
    public void A_residual_risk_above_the_inherent_one_is_refused_in_both_languages()
    {
        var problems = new ThreatInput("firearms", 2, 3, 4, 2, "Rated after a visit.").Problems(Catalogue);

        var problem = Assert.Single(problems);
        Assert.Equal("Residual", problem.Key);
        Assert.Contains("cannot be higher", problem.Value.En);
        Assert.Contains("nemůže být vyšší", problem.Value.Cs);
    }

    [Fact]
    public void Residual_is_compared_by_score_so_a_higher_likelihood_with_a_lower_impact_is_allowed()
    {
        Assert.Empty(new ThreatInput("firearms", 2, 5, 3, 3, "Barriers soften impact.").Problems(Catalogue));
    }

    [Fact]
    public void An_unknown_threat_and_a_missing_rationale_are_both_reported()
    {
        var problems = new ThreatInput("meteor", 1, 1, 1, 1, "  ").Problems(Catalogue);

        Assert.Equal(AssessmentMessages.UnknownThreat, problems[nameof(ThreatInput.ThreatKey)]);
        Assert.Equal(AssessmentMessages.RationaleRequired, problems[nameof(ThreatInput.Rationale)]);
    }

    [Fact]
    public void A_rationale_longer_than_four_thousand_characters_is_refused()
    {
        Assert.Empty(new ThreatInput("arson", 1, 1, 1, 1, new string('x', 4000)).Problems(Catalogue));
        Assert.Equal(AssessmentMessages.RationaleTooLong,
            new ThreatInput("arson", 1, 1, 1, 1, new string('x', 4001)).Problems(Catalogue)[nameof(ThreatInput.Rationale)]);
    }

    [Theory]
    [InlineData(0, 1, 1, 1)]
    [InlineData(1, 6, 1, 1)]
    [InlineData(1, 1, -1, 1)]
    [InlineData(5, 5, 5, 6)]
    public void Ratings_outside_one_to_five_are_refused(int il, int ii, int rl, int ri)
    {
        var problems = new ThreatInput("arson", il, ii, rl, ri, "Why").Problems(Catalogue);

        Assert.Equal(AssessmentMessages.RatingRange, Assert.Single(problems).Value);
    }
}
