using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.UnitTests.Features.Guidelines;

namespace SoftTargets.UnitTests.Features.Assessment;

public class SelfAssessmentSheetTests
{
    private static readonly MethodologyDocument Methodology = GuidelineTestData.Small with
    {
        Questions =
        [
            GuidelineTestData.Small.Questions[0] with { Category = "Governance" },
            GuidelineTestData.Small.Questions[1] with { Category = "AccessControl" },
        ],
    };

    [Fact]
    public void Questions_are_grouped_by_category_in_category_order_with_scores_per_category_and_overall()
    {
        var site = GuidelineTestData.Site("stadium", 500) with { Answers = new Dictionary<string, int> { ["Q-GOV-01"] = 3 } };

        var (categories, overall) = SelfAssessmentSheet.Build(Methodology, site, new HashSet<string>());

        Assert.Equal(["Governance", "AccessControl"], categories.Select(c => c.Category));
        Assert.Equal(50, categories[0].Score.Percent);
        Assert.Null(categories[1].Score.Percent);
        Assert.Equal(1, categories[1].Score.Unanswered);
        Assert.Equal((1, 2, 50), (overall.Answered, overall.Total, overall.Percent));
        Assert.Equal(5, categories[0].Questions[0].Levels.Count);
        Assert.Null(categories[1].Questions[0].Answer);
    }

    [Fact]
    public void A_weak_answer_lists_the_measures_it_calls_for_with_whether_they_apply_and_are_in_the_plan()
    {
        var site = GuidelineTestData.Site("stadium", 500) with { Answers = new Dictionary<string, int> { ["Q-GOV-01"] = 1, ["Q-ACC-01"] = 5 } };

        var (categories, _) = SelfAssessmentSheet.Build(Methodology, site, new HashSet<string> { "GOV-01" });

        var calls = categories[0].Questions[0].Calls;
        Assert.Equal(["GOV-02", "GOV-01"], calls.Select(c => c.Key));
        Assert.Equal("Title GOV-02", calls[0].Title.En);
        Assert.False(calls[0].Applies); // enhanced tier only; the site is standard
        Assert.False(calls[0].InPlan);
        Assert.True(calls[1].Applies);
        Assert.True(calls[1].InPlan);
        Assert.Empty(categories[1].Questions[0].Calls);
    }

    [Fact]
    public void Unknown_questions_and_levels_outside_one_to_five_are_refused()
    {
        var problems = SelfAssessmentSheet.Problems(new Dictionary<string, int> { ["Q-GOV-01"] = 6, ["Q-NOPE"] = 2, ["Q-ALSO-NOPE"] = 3 }, Methodology);

        Assert.Contains("Q-ALSO-NOPE, Q-NOPE", problems["Questions"].En);
        Assert.Contains("Q-ALSO-NOPE, Q-NOPE", problems["Questions"].Cs);
        Assert.Equal(AssessmentMessages.LevelRange, problems["Levels"]);
        Assert.Empty(SelfAssessmentSheet.Problems(new Dictionary<string, int> { ["Q-ACC-01"] = 1 }, Methodology));
    }
}
