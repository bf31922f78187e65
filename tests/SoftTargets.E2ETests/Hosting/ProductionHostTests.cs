using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using SoftTargets.Core.Data.Seed;
using SoftTargets.E2ETests.Infrastructure;
using SoftTargets.Tests;

namespace SoftTargets.E2ETests.Hosting;

/// <summary>The app from its build output in the Production environment, as an operator trying it would start it.</summary>
[Collection(AppCollection.Name)]
public sealed class ProductionHostTests(AppFixture app)
{
    [Fact]
    public async Task A_production_host_serves_the_framework_and_mudblazor_assets_and_pages_become_interactive()
    {
        var baseUrl = $"http://127.0.0.1:{TestHosts.FreePort()}";
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:SoftTargets", app.ConnectionString);
            builder.UseSetting("DataProtection:Key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("Dashboards:SnapshotEveryHours", "0");
            builder.UseSetting("Reminders:EveryMinutes", "0");
            builder.UseUrls(baseUrl);
        });
        factory.UseKestrel();
        factory.StartServer();

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        foreach (var asset in new[] { "_framework/blazor.web.js", "lib/mudblazor/MudBlazor.min.css", "_content/MudBlazor/MudBlazor.min.js" })
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(asset)).StatusCode);
        await AssertStylesheetsAreSentCompressedAsync(http);

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login");
            // A venue manager: staff must set up a second factor first in Production, which TwoFactorTests covers.
            await page.FillAsync("#email", "manager@arenaplus.example");
            await page.FillAsync("#password", DemoSeeder.Password);
            await page.ClickAsync("#login-submit");
            await page.Locator("#circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task AssertStylesheetsAreSentCompressedAsync(HttpClient http)
    {
        var login = await http.GetStringAsync("account/login");
        var stylesheets = Regex.Matches(login, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(stylesheets, href => href.StartsWith("lib/mudblazor/MudBlazor.", StringComparison.Ordinal));
        foreach (var href in stylesheets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, href);
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Content.Headers.ContentEncoding.Count > 0, $"{href} was sent uncompressed.");
        }
    }
}
