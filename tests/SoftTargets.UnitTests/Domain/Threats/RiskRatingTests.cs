using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Threats;

namespace SoftTargets.UnitTests.Domain.Threats;

public class RiskRatingTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 3, 6)]
    [InlineData(5, 4, 20)]
    [InlineData(5, 5, 25)]
    public void Score_is_likelihood_times_impact(int likelihood, int impact, int score)
    {
        var rating = new RiskRating(likelihood, impact);

        Assert.Equal(likelihood, rating.Likelihood);
        Assert.Equal(impact, rating.Impact);
        Assert.Equal(score, rating.Score);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public void Likelihood_outside_one_to_five_is_rejected(int likelihood)
    {
        var ex = Assert.Throws<ValidationFailedException>(() => new RiskRating(likelihood, 3));

        Assert.Equal(nameof(RiskRating.Likelihood), Assert.Single(ex.Errors).Key);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public void Impact_outside_one_to_five_is_rejected(int impact)
    {
        var ex = Assert.Throws<ValidationFailedException>(() => new RiskRating(3, impact));

        Assert.Equal(nameof(RiskRating.Impact), Assert.Single(ex.Errors).Key);
    }

    [Fact]
    public void Two_ratings_with_the_same_values_are_equal()
    {
        Assert.Equal(new RiskRating(2, 4), new RiskRating(2, 4));
        Assert.NotEqual(new RiskRating(2, 4), new RiskRating(4, 2));
    }
}
