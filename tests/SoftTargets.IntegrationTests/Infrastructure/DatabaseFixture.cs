using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SoftTargets.Core.Data;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Features.Users;
using SoftTargets.Core.Security;
using SoftTargets.Tests;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.IntegrationTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "database";
}

/// <summary>
/// One migrated PostgreSQL database and one app for the whole run. The demo data is seeded once and
/// saved; each test starts from it: <see cref="ResetAsync"/> puts the saved rows back.
/// </summary>
public sealed partial class DatabaseFixture : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public string ConnectionString => _database.ConnectionString;

    /// <summary>The SMTP server the app sends its mail to; tests read what it received.</summary>
    public TestMailServer Mail { get; } = new();

    private static int _instances;

    // The app reads its connection string from the process's environment while its host is built, and lanes build
    // hosts side by side: one host at a time, each with its own lane's database in the environment.
    private static readonly SemaphoreSlim HostStart = new(1, 1);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync($"softtargets_integration_{Interlocked.Increment(ref _instances)}");
        Factory = Build(() => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:SoftTargets", _database.ConnectionString);
            // Tests take snapshots themselves; a scheduled one would race with resetting the data.
            builder.UseSetting("Dashboards:SnapshotEveryHours", "0");
            builder.UseSetting("Reminders:EveryMinutes", "0");
            // Tests sign in many times a second from one address; RateLimitTests turns the limits on for its own host.
            builder.UseSetting("RateLimiting:Enabled", "false");
            builder.UseSetting("Accounts:RequireTwoFactorForStaff", "false");
            foreach (var (key, value) in Mail.Settings()) builder.UseSetting(key, value);
            // Warnings and errors only: a console line for every request of every test costs time and tells nothing.
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.ConfigureTestServices(services =>
            {
                TestHosts.UseCheapPasswordHashing(services);
                services.AddScoped<CurrentUserAccessor>();
                services.AddScoped<ICurrentUser>(sp => new TestCurrentUser(sp.GetRequiredService<CurrentUserAccessor>()));
                services.AddSingleton<IStartupFilter>(new SameDatabaseCheck(_database.ConnectionString));
            });
        }));

        await PrepareDataAsync();
        await _database.SaveDataAsync();
    }

    /// <summary>
    /// A host like <see cref="Factory"/> with more settings or services, on this lane's database. Build derived hosts only
    /// here: one built from <see cref="Factory"/> directly may get another lane's database, and fails at start if it does.
    /// </summary>
    /// <param name="start">Starts the host (on Kestrel, say); by default it starts on the test server.</param>
    public WebApplicationFactory<Program> Derive(Action<IWebHostBuilder> configure, Action<WebApplicationFactory<Program>>? start = null) =>
        Build(() => Factory.WithWebHostBuilder(configure), start);

    private WebApplicationFactory<Program> Build(Func<WebApplicationFactory<Program>> create, Action<WebApplicationFactory<Program>>? start = null)
    {
        HostStart.Wait();
        try
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__SoftTargets", _database.ConnectionString);
            var factory = create();
            // Built and started now, while the environment names this lane's database.
            if (start is null) _ = factory.Services;
            else start(factory);
            return factory;
        }
        finally
        {
            HostStart.Release();
        }
    }

    /// <summary>Fails the start of a host whose database is not the one its fixture made.</summary>
    private sealed class SameDatabaseCheck(string expected) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            using (var scope = app.ApplicationServices.CreateScope())
            {
                var actual = scope.ServiceProvider.GetRequiredService<SoftTargetsDbContext>().Database.GetConnectionString();
                var (want, got) = (new NpgsqlConnectionStringBuilder(expected), new NpgsqlConnectionStringBuilder(actual));
                if (want.Database != got.Database || want.Port != got.Port)
                    throw new InvalidOperationException(
                        $"A test host was built on database {got.Database} instead of its lane's {want.Database}: derive hosts with DatabaseFixture.Derive.");
            }
            next(app);
        };
    }

    /// <summary>Migrates and seeds the demo data; runs once, before the rows are saved for every test.</summary>
    private async Task PrepareDataAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        using var system = SystemScope.Begin();
        await scope.ServiceProvider.GetRequiredService<SoftTargetsDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    private bool _dataMayHaveChanged;

    /// <summary>Puts the demo data back as it was seeded (same ids) unless no test could have changed it since.</summary>
    public async Task ResetAsync()
    {
        if (!_dataMayHaveChanged) return;
        await _database.RestoreDataAsync();
        _dataMayHaveChanged = false;
    }

    /// <summary>Called after every test that is not marked as only reading: the next test starts from restored data.</summary>
    public void DataMayHaveChanged() => _dataMayHaveChanged = true;

    /// <summary>Runs a Core service in its own scope as the given demo user.</summary>
    public async Task<T> AsAsync<T, TService>(string email, Func<TService, Task<T>> call) where TService : notnull
    {
        var actor = await ActorAsync(email);
        await using var scope = Factory.Services.CreateAsyncScope();
        using (TestCurrentUser.ActAs(actor))
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task AsAsync<TService>(string email, Func<TService, Task> call) where TService : notnull =>
        AsAsync<bool, TService>(email, async service => { await call(service); return true; });

    public async Task<Actor> ActorAsync(string email)
    {
        await using var db = NewDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync();
        return new Actor(user.Id, user.UserName!, user.OrganizationId, roles.ToHashSet());
    }

    /// <summary>A context for checking what is in the database, outside any service.</summary>
    public SoftTargetsDbContext NewDbContext() =>
        Factory.Services.CreateScope().ServiceProvider.GetRequiredService<SoftTargetsDbContext>();

    /// <summary>An HTTP client signed in through the real login form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = DemoSeeder.Password, WebApplicationFactory<Program>? node = null)
    {
        var client = AnonymousClient(node);
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {email} failed: {response.StatusCode}");
        await AttachAntiforgeryHeaderAsync(client);
        return client;
    }

    /// <summary>Sends the antiforgery header with every call, as the app's own pages do for unsafe API calls.</summary>
    public static async Task AttachAntiforgeryHeaderAsync(HttpClient client)
    {
        var antiforgery = await client.GetFromJsonAsync<AntiforgeryAnswer>("/api/antiforgery")
            ?? throw new InvalidOperationException("No antiforgery token.");
        client.DefaultRequestHeaders.Remove(antiforgery.HeaderName);
        client.DefaultRequestHeaders.Add(antiforgery.HeaderName, antiforgery.Token);
    }

    public sealed record AntiforgeryAnswer(string HeaderName, string Token);

    /// <summary>Creates a personal API token for a demo user (with all their roles unless named).</summary>
    public async Task<string> CreateApiTokenAsync(string email, TimeSpan? lifetime = null, params string[] roles)
    {
        var actor = await ActorAsync(email);
        var scope = roles.Length > 0 ? roles : actor.Roles.ToArray();
        return await AsAsync<string, ApiTokens>(email, async tokens =>
            (await tokens.CreateAsync("test token", lifetime ?? TimeSpan.FromDays(30), scope)).Secret);
    }

    /// <summary>An HTTP client that calls as a machine client would: no cookies, only the API token.</summary>
    public HttpClient TokenClient(string secret)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>The Cookie header a client sends (it keeps its cookies to itself), to replay them from another client.</summary>
    public static async Task<string> CookieHeaderAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/antiforgery");
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The client is not signed in: {response.StatusCode}.");
        return response.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
    }

    /// <summary>
    /// The answer to <paramref name="path"/> once it is <paramref name="expected"/>, or the last one after five seconds:
    /// a change made on another node (or straight in the database) holds here once its announcement has arrived.
    /// </summary>
    public static async Task<HttpStatusCode> AnswerOnceHeardAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var status = (await client.GetAsync(path)).StatusCode;
            if (status == expected || waited.Elapsed > TimeSpan.FromSeconds(5)) return status;
            await Task.Delay(20);
        }
    }

    /// <summary>A client of <paramref name="node"/> (this lane's app unless given) that sends exactly this Cookie header.</summary>
    public HttpClient WithCookie(string cookieHeader, WebApplicationFactory<Program>? node = null)
    {
        var client = (node ?? Factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    public HttpClient AnonymousClient(WebApplicationFactory<Program>? node = null) =>
        (node ?? Factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var token = AntiforgeryToken(await client.GetStringAsync("/account/login"));
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token a rendered form carries, for posting it like a browser would.</summary>
    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
        Mail.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
