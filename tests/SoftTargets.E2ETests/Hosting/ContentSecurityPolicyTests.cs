using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Hosting;

/// <summary>The pages work under the Content-Security-Policy: Chromium reports no violation while they load and run.</summary>
public sealed class ContentSecurityPolicyTests(AppFixture app) : BrowserTest(app)
{
    private readonly List<string> _violations = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) _violations.Add(message.Text);
        };
        // Init scripts run outside the page's policy; the event also catches violations that log nothing.
        await Page.Context.ExposeFunctionAsync("reportCspViolation", (string text) => _violations.Add(text));
        await Page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI));");
    }

    [Fact]
    public async Task The_dashboard_and_a_plan_page_run_without_policy_violations()
    {
        await SignInAsync(Auditor);
        await GoToAsync("/dashboards");
        await Assertions.Expect(Page.Locator(".mud-chart").First).ToBeVisibleAsync();

        await SignOutAsync();
        await SignInAsync(ArenaManager);
        var siteId = await App.WithServicesAsync(services =>
            services.GetRequiredService<SoftTargetsDbContext>().Sites.Where(s => s.Name == "Slezská aréna").Select(s => s.Id).SingleAsync());
        await GoToAsync($"/sites/{siteId}/plan");
        await Page.Locator("#plan-measures .edit-measure").First.ClickAsync();
        await Page.Locator(".mud-dialog #measure-owner").WaitForAsync();

        Assert.True(_violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", _violations));
    }
}
