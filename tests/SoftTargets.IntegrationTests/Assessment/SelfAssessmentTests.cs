using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Assessment;

public sealed class SelfAssessmentTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Stadium = "Slezská aréna";

    [Fact]
    public async Task Answers_are_saved_in_part_and_the_scores_count_only_answered_questions()
    {
        var stadium = await SiteIdAsync(Stadium);
        var before = await Fixture.AsAsync<SelfAssessmentView?, SelfAssessment>(ArenaManager, s => s.GetAsync(stadium));
        Assert.NotNull(before);
        Assert.Equal(0, before.Overall.Answered);
        Assert.Null(before.Overall.Percent);
        var governance = before.Categories.Single(c => c.Category == "Governance");

        var version = await Fixture.AsAsync<uint, SelfAssessment>(ArenaManager, s => s.SaveAsync(stadium,
            new Dictionary<string, int> { ["Q-GOV-01"] = 1, ["Q-GOV-02"] = 5 }, before.Version));

        var after = await Fixture.AsAsync<SelfAssessmentView?, SelfAssessment>(ArenaManager, s => s.GetAsync(stadium));
        Assert.Equal(version, after!.Version);
        Assert.NotEqual(before.Version, version);
        var scored = after.Categories.Single(c => c.Category == "Governance");
        Assert.Equal((2, governance.Questions.Count, 50), (scored.Score.Answered, scored.Score.Total, scored.Score.Percent));
        Assert.Equal((2, 50), (after.Overall.Answered, after.Overall.Percent));
        Assert.All(after.Categories.Where(c => c.Category != "Governance"), c => Assert.Null(c.Score.Percent));

        var weak = scored.Questions.Single(q => q.Key == "Q-GOV-01");
        Assert.Equal(1, weak.Answer);
        Assert.Equal(["GOV-01", "COM-04"], weak.Calls.Select(c => c.Key));
        Assert.True(weak.Calls.Single(c => c.Key == "GOV-01").InPlan);
        Assert.Equal("Name a security lead and a deputy", weak.Calls[0].Title.En);

        // A second partial save changes one answer and keeps the other.
        await Fixture.AsAsync<SelfAssessment>(ArenaManager, s => s.SaveAsync(stadium, new Dictionary<string, int> { ["Q-GOV-01"] = 5 }, version));
        await using var db = Fixture.NewDbContext();
        var answers = await db.Sites.Where(s => s.Id == stadium).SelectMany(s => s.Answers).ToDictionaryAsync(a => a.QuestionKey, a => a.Level);
        Assert.Equal(new Dictionary<string, int> { ["Q-GOV-01"] = 5, ["Q-GOV-02"] = 5 }, answers);
    }

    [Fact]
    public async Task An_unknown_question_or_a_level_outside_one_to_five_saves_nothing()
    {
        var stadium = await SiteIdAsync(Stadium);
        var version = await SiteVersionAsync(stadium);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<SelfAssessment>(ArenaManager,
            s => s.SaveAsync(stadium, new Dictionary<string, int> { ["Q-GOV-01"] = 3, ["Q-MADE-UP"] = 2, ["Q-GOV-02"] = 9 }, version)));

        Assert.Equal(["Levels", "Questions"], refused.Errors.Keys.Order());
        Assert.Contains("Q-MADE-UP", refused.Errors["Questions"][0]);
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.Sites.Where(s => s.Id == stadium).SelectMany(s => s.Answers).AnyAsync());
        Assert.Equal(version, await SiteVersionAsync(stadium));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        var stadium = await SiteIdAsync(Stadium);
        var version = await SiteVersionAsync(stadium);
        await Fixture.AsAsync<SelfAssessment>(ArenaManager, s => s.SaveAsync(stadium, new Dictionary<string, int> { ["Q-GOV-01"] = 2 }, version));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Fixture.AsAsync<SelfAssessment>(ArenaManager,
            s => s.SaveAsync(stadium, new Dictionary<string, int> { ["Q-GOV-01"] = 5 }, version)));
    }

    [Fact]
    public async Task An_auditor_reads_the_answers_but_cannot_save_and_another_organisation_sees_nothing()
    {
        var stadium = await SiteIdAsync(Stadium);
        var version = await SiteVersionAsync(stadium);

        var view = await Fixture.AsAsync<SelfAssessmentView?, SelfAssessment>(Auditor, s => s.GetAsync(stadium));
        Assert.NotNull(view);
        Assert.False(view.CanChange);
        Assert.NotEmpty(view.Categories);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<SelfAssessment>(Auditor,
            s => s.SaveAsync(stadium, new Dictionary<string, int> { ["Q-GOV-01"] = 2 }, version)));

        Assert.Null(await Fixture.AsAsync<SelfAssessmentView?, SelfAssessment>(SchoolManager, s => s.GetAsync(stadium)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<SelfAssessment>(SchoolManager,
            s => s.SaveAsync(stadium, new Dictionary<string, int> { ["Q-GOV-01"] = 2 }, version)));
    }
}
