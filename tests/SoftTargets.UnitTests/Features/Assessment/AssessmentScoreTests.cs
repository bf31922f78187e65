using SoftTargets.Core.Features.Assessment;

namespace SoftTargets.UnitTests.Features.Assessment;

public class AssessmentScoreTests
{
    [Fact]
    public void All_answers_at_level_one_score_zero_percent()
    {
        var score = AssessmentScore.Of([1, 1, 1]);

        Assert.Equal(0, score.Percent);
        Assert.Equal(3, score.Answered);
    }

    [Fact]
    public void All_answers_at_level_five_score_one_hundred_percent()
    {
        Assert.Equal(100, AssessmentScore.Of([5, 5]).Percent);
    }

    [Fact]
    public void Unanswered_questions_are_not_counted_as_zero_but_reported_as_unanswered()
    {
        var score = AssessmentScore.Of([5, null, null, 3]);

        Assert.Equal(75, score.Percent);
        Assert.Equal(4.0, score.AverageLevel);
        Assert.Equal(2, score.Answered);
        Assert.Equal(4, score.Total);
        Assert.Equal(2, score.Unanswered);
    }

    [Fact]
    public void Nothing_answered_has_no_percent()
    {
        var score = AssessmentScore.Of([null, null]);

        Assert.Null(score.Percent);
        Assert.Null(score.AverageLevel);
        Assert.Equal(0, score.Answered);
        Assert.Equal(2, score.Total);
    }

    [Theory]
    [InlineData(new[] { 2 }, 25)]
    [InlineData(new[] { 3 }, 50)]
    [InlineData(new[] { 1, 2 }, 13)]
    [InlineData(new[] { 2, 3, 3 }, 42)]
    public void The_percent_is_the_average_level_mapped_from_one_to_five_onto_zero_to_one_hundred(int[] levels, int percent)
    {
        Assert.Equal(percent, AssessmentScore.Of(levels.Select(l => (int?)l)).Percent);
    }
}
