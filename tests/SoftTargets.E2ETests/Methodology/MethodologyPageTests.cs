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

        var table = await Page.Locator("#methodology-versions").InnerTextAsync();
        Assert.Contains("cz-soft-targets", table);
        Assert.Contains("Published", table);
        await AssertAccessibleAsync();
    }
}
