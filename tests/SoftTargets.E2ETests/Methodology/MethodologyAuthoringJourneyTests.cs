using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Methodology;

public sealed class MethodologyAuthoringJourneyTests(AppFixture app) : BrowserTest(app)
{
    protected override bool ChangesData => true;

    [Fact]
    public async Task An_editor_drafts_a_measure_with_a_rule_previews_the_impact_publishes_and_sees_the_diff()
    {
        await SignInAsync(Editor);
        await GoToAsync("/methodology");
        await Page.Locator("#start-draft, #open-draft").First.ClickAsync();
        await Page.Locator("#version-heading").WaitForAsync();
        await Page.Locator("#measure-table").WaitForAsync();
        await AssertAccessibleAsync();

        await Page.ClickAsync("#add-measure");
        await Page.FillAsync("#measure-key", "ACC-90");
        await ChooseAsync("#measure-role", "Security lead");
        await Page.FillAsync("#measure-title-en", "Stewards at every entrance of large venues");
        await Page.FillAsync("#measure-title-cs", "Pořadatelé u každého vstupu velkých objektů");
        await Page.FillAsync("#measure-guidance-en", "Place **one steward** per entrance.");
        await Page.FillAsync("#measure-guidance-cs", "U každého vstupu stojí **jeden pořadatel**.");
        await Page.FillAsync("#measure-evidence-en", "Steward roster");
        await Page.FillAsync("#measure-evidence-cs", "Rozpis pořadatelů");
        await Page.ClickAsync("#measure-rule-add");
        await ChooseAsync("#measure-rule-kind", "Occupancy");
        await Page.FillAsync("#measure-rule-number", "5000");
        await Page.Locator("#measure-rule-number").PressAsync("Tab");
        await Assertions.Expect(Page.Locator("#measure-rule-summary")).ToContainTextAsync("Occupancy ≥ 5,000");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#measure-save");
        await Page.Locator("#measure-table >> text=ACC-90").WaitForAsync();

        await Page.GetByRole(AriaRole.Tab, new() { Name = "Check and publish" }).ClickAsync();
        await Page.Locator("#checks-ok").WaitForAsync();
        await Page.ClickAsync("#impact-run");
        await Page.Locator("#impact-measures").WaitForAsync();
        await Assertions.Expect(Page.Locator("#impact-summary")).ToContainTextAsync("2 of 4 sites");
        await Assertions.Expect(Page.Locator("#impact-measures")).ToContainTextAsync("ACC-90");
        await Assertions.Expect(Page.Locator("#impact-sites")).ToContainTextAsync("Slezská aréna");
        await AssertAccessibleAsync();

        await Page.FillAsync("#publish-note", "Stewards at every entrance of venues for 5,000 people or more.");
        await Page.ClickAsync("#publish");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToContainTextAsync("replaces version 1, which is retired");
        await AssertAccessibleAsync();
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await ExpectAddressAsync(@"/methodology/diff\?");
        await Page.Locator("#diff-measure").WaitForAsync();
        await Assertions.Expect(Page.Locator("#diff-measure")).ToContainTextAsync("ACC-90");
        await Assertions.Expect(Page.Locator("#diff-measure")).ToContainTextAsync("Added");
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_editor_discards_a_draft_after_confirming_and_only_the_published_versions_remain()
    {
        await SignInAsync(Editor);
        await GoToAsync("/methodology");
        await Page.Locator("#start-draft, #open-draft").First.ClickAsync();
        await Page.Locator("#discard-draft").WaitForAsync();
        await WaitForCircuitAsync();

        await Page.ClickAsync("#discard-draft");
        await Assertions.Expect(Page.Locator(".mud-dialog")).ToContainTextAsync("Discard the draft?");
        await AssertAccessibleAsync();
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();

        await ExpectAddressAsync("/methodology$");
        await Assertions.Expect(Page.Locator("#start-draft")).ToBeVisibleAsync();
        Assert.False(await App.WithServicesAsync(services => services.GetRequiredService<SoftTargets.Core.Data.SoftTargetsDbContext>()
            .MethodologyVersions.AnyAsync(v => v.Status == SoftTargets.Core.Domain.Methodology.MethodologyVersionStatus.Draft)));
    }

    [Fact]
    public async Task The_methodology_pages_work_in_czech()
    {
        await SignInAsync(Editor);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync("/methodology");

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Verze metodiky");
        await AssertAccessibleAsync();

        await Page.Locator("#methodology-versions tbody a").First.ClickAsync();
        await Page.Locator("#measure-table").WaitForAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Tab, new() { Name = "Opatření" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#measure-table thead")).ToContainTextAsync("Klíč");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#culture-en");
    }
}
