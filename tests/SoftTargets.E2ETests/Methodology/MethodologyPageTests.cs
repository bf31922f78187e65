using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Methodology;

public sealed class MethodologyPageTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task An_editor_sees_the_published_methodology_version()
    {
        await SignInAsync(Editor);

        await Page.ClickAsync("#nav-methodology");
        await Page.Locator("#methodology-versions").WaitForAsync();

        await Assertions.Expect(Page.Locator("#methodology-versions")).ToContainTextAsync("cz-soft-targets");
        await Assertions.Expect(Page.Locator("#methodology-versions")).ToContainTextAsync("Published");
        await AssertAccessibleAsync();
    }
}
