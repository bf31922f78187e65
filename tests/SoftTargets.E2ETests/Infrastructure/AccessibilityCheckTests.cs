using Xunit.Sdk;

namespace SoftTargets.E2ETests.Infrastructure;

/// <summary>The accessibility check every journey relies on reports what axe finds.</summary>
public sealed class AccessibilityCheckTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_check_fails_on_a_page_with_an_image_without_a_text_alternative()
    {
        await Page.GotoAsync("/account/login");
        await Page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<img src=\"/favicon.png\" id=\"no-alt\">')");

        var failure = await Assert.ThrowsAsync<TrueException>(AssertAccessibleAsync);
        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("#no-alt", failure.Message);
    }
}
