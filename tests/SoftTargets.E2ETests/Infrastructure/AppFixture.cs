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
/// One app on a real Kestrel port with demo data on a database of its own, shared by the browser tests of
/// one lane (see <see cref="AppLanes"/>); one Chromium shared by every lane. Each test opens its own browser
/// context, so cookies never leak between tests.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private static int _instances;

    // The connection string goes through the process's environment while a host is built: one host at a time.
    private static readonly SemaphoreSlim HostStart = new(1, 1);

    private TestDatabase _database = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public string BaseUrl { get; private set; } = "";
    public string ConnectionString => _database.ConnectionString;

    /// <summary>The SMTP server the app sends its mail to; journeys read links from what it received.</summary>
    public TestMailServer Mail { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var browser = SharedBrowser.AcquireAsync();
        _database = await TestDatabase.CreateAsync($"softtargets_e2e_{Interlocked.Increment(ref _instances)}");
        await HostStart.WaitAsync();
        try
        {
            StartApp();
        }
        finally
        {
            HostStart.Release();
        }

        await PrepareDataAsync();
        await _database.SaveDataAsync();
        await WarmUpAsync();
        Browser = await browser;
    }

    /// <summary>
    /// Serves the sign-in page once before the first test: compiling the app's first pages on a busy machine
    /// otherwise takes the first test's time limit.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        (await http.GetAsync("/account/login")).EnsureSuccessStatusCode();
    }

    private void StartApp()
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__SoftTargets", _database.ConnectionString);
        var port = TestHosts.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:SoftTargets", _database.ConnectionString);
            // Tests take snapshots themselves; a scheduled one would race with resetting the data.
            builder.UseSetting("Dashboards:SnapshotEveryHours", "0");
            builder.UseSetting("Reminders:EveryMinutes", "0");
            builder.UseSetting("RateLimiting:Enabled", "false");
            builder.UseSetting("Accounts:RequireTwoFactorForStaff", "false");
            foreach (var (key, value) in Mail.Settings()) builder.UseSetting(key, value);
            builder.UseSetting("Smtp:PublicBaseUrl", BaseUrl);
            // A line on the console for every request and circuit event costs the journeys time and tells them nothing.
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseUrls(BaseUrl);
            builder.ConfigureTestServices(TestHosts.UseCheapPasswordHashing);
        });
        _factory.UseKestrel();
        _factory.StartServer();
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

    private const string DefaultLocale = "en-GB";

    // A page in a fresh context opened ahead for the next test, while this one runs and ends.
    private Task<IPage>? _nextPage;

    /// <summary>A page in a browser context of its own (its own cookies and storage).</summary>
    public async Task<IPage> NewPageAsync(string locale = DefaultLocale)
    {
        if (locale != DefaultLocale) return await OpenPageAsync(locale);
        var ready = Interlocked.Exchange(ref _nextPage, OpenPageAsync(DefaultLocale));
        if (ready is not null)
        {
            try
            {
                return await ready;
            }
            catch (PlaywrightException)
            {
                // Opened ahead but lost: open one now, which fails the test if the browser is really gone.
            }
        }
        return await OpenPageAsync(DefaultLocale);
    }

    private async Task<IPage> OpenPageAsync(string locale)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale });
        // Two lanes share two cores with the other test projects: a step may wait longer than on a quiet machine.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _nextPage, null) is { } next)
        {
            try
            {
                await (await next).Context.CloseAsync();
            }
            catch (PlaywrightException)
            {
            }
        }
        await SharedBrowser.ReleaseAsync();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
        Mail.Dispose();
    }
}

/// <summary>The one Chromium of the run: launched by the first lane to start, closed when the last lane has ended.</summary>
internal static class SharedBrowser
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static int _users;

    public static async Task<IBrowser> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _users++;
            if (_browser is not null) return _browser;
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("SOFTTARGETS_CHROMIUM") ?? ChromiumPath(),
                Headless = true,
                Args =
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-quic", "--no-first-run",
                ],
            });
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Debian's Chromium headless shell when installed (no browser window to draw: about a third less CPU per test, and
    /// the tests are CPU-bound beside the other projects), else Debian's Chromium.
    /// </summary>
    private static string ChromiumPath() =>
        File.Exists(HeadlessShell) ? HeadlessShell : "/usr/bin/chromium";

    private const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users > 0 || _browser is null) return;
            await _browser.DisposeAsync();
            _playwright?.Dispose();
            _browser = null;
            _playwright = null;
        }
        finally
        {
            Gate.Release();
        }
    }
}
