using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Security;
using SoftTargets.Tests;

namespace SoftTargets.E2ETests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>
/// One app on a real Kestrel port with demo data, and one Chromium, shared by every browser test of
/// the run. Each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private IPlaywright _playwright = null!;

    public string BaseUrl { get; private set; } = "";
    public string ConnectionString => _database.ConnectionString;

    /// <summary>The SMTP server the app sends its mail to; journeys read links from what it received.</summary>
    public TestMailServer Mail { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("softtargets_e2e");
        Environment.SetEnvironmentVariable("ConnectionStrings__SoftTargets", _database.ConnectionString);
        var port = TestHosts.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:SoftTargets", _database.ConnectionString);
            // Tests take snapshots themselves; a scheduled one would race with resetting the data.
            builder.UseSetting("Dashboards:SnapshotEveryHours", "0");
            builder.UseSetting("RateLimiting:Enabled", "false");
            builder.UseSetting("Accounts:RequireTwoFactorForStaff", "false");
            foreach (var (key, value) in Mail.Settings()) builder.UseSetting(key, value);
            builder.UseSetting("Smtp:PublicBaseUrl", BaseUrl);
            builder.UseUrls(BaseUrl);
            builder.ConfigureTestServices(TestHosts.UseCheapPasswordHashing);
        });
        _factory.UseKestrel();
        _factory.StartServer();

        await PrepareDataAsync();
        await _database.SaveDataAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SOFTTARGETS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run",
            ],
        });
    }

    /// <summary>Runs work against the app's own services (to look up ids, add a test user).</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        using var system = SystemScope.Begin();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Migrates and seeds the demo data; runs once, before the rows are saved for <see cref="ResetDataAsync"/>.</summary>
    private async Task PrepareDataAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        using var system = SystemScope.Begin();
        await scope.ServiceProvider.GetRequiredService<SoftTargetsDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    /// <summary>Puts the demo data back as seeded (same ids) for the next test; called after tests that change data others count.</summary>
    public Task ResetDataAsync() => _database.RestoreDataAsync();

    public async Task<IPage> NewPageAsync(string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
        Mail.Dispose();
    }
}
