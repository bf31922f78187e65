using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Assessment;

public sealed class SelfAssessmentJourneyTests(AppFixture app) : BrowserTest(app)
{
    protected override bool ChangesData => true;

    [Fact]
    public async Task A_venue_manager_answers_some_questions_saves_and_sees_the_category_score_and_the_measures_called_for()
    {
        var hall = await App.WithServicesAsync(services => services.GetRequiredService<SoftTargetsDbContext>().Sites
            .Where(s => s.Name == "Koncertní síň Vltava").Select(s => s.Id).SingleAsync());
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{hall}/self-assessment");
        await Page.Locator("#question-Q-GOV-01").WaitForAsync();
        await Assertions.Expect(Page.Locator("#score-Governance")).ToContainTextAsync("no answers yet");
        await Assertions.Expect(Page.Locator("#self-save")).ToBeDisabledAsync();
        await AssertAccessibleAsync();

        await Level("Q-GOV-01", 2).ClickAsync();
        await Level("Q-GOV-02", 4).ClickAsync();
        await Assertions.Expect(Page.Locator("#self-save-state")).ToHaveTextAsync("You have unsaved answers.");
        await Page.ClickAsync("#self-save");

        await Assertions.Expect(Page.Locator("#score-Governance")).ToContainTextAsync("50%");
        await Assertions.Expect(Page.Locator("#score-Governance")).ToContainTextAsync("2 of 5 questions answered");
        await Assertions.Expect(Page.Locator("#score-overall")).ToContainTextAsync("2 of");
        await Assertions.Expect(Page.Locator("#calls-Q-GOV-01")).ToContainTextAsync("GOV-01");
        await Assertions.Expect(Page.Locator("#calls-Q-GOV-01")).ToContainTextAsync("Name a security lead and a deputy");
        await Assertions.Expect(Level("Q-GOV-01", 2).Locator("input")).ToBeCheckedAsync();
        await AssertAccessibleAsync();
    }

    /// <summary>The label of one level's radio button in a question's fieldset.</summary>
    private ILocator Level(string question, int level) =>
        Page.Locator($"#question-{question} label").Filter(new() { HasText = $"{level} – " }).First;
}
