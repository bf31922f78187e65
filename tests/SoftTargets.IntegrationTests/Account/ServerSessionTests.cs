using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Domain.Users;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Web.Features.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace SoftTargets.IntegrationTests.Account;

public sealed class ServerSessionTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string CookieName = "SoftTargets.Auth";

    [Fact]
    public async Task A_cookie_saved_before_signing_out_is_refused_afterwards()
    {
        var client = await Fixture.SignedInClientAsync(Auditor);
        var saved = await DatabaseFixture.CookieHeaderAsync(client);
        var token = DatabaseFixture.AntiforgeryToken(await client.GetStringAsync("/"));

        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var replayedPage = await Fixture.WithCookie(saved).GetAsync("/");
        var replayedApi = await Fixture.WithCookie(saved).GetAsync("/api/sites");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayedPage.StatusCode);
        Assert.Contains("/account/login", replayedPage.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, replayedApi.StatusCode);
        await using var db = Fixture.NewDbContext();
        Assert.Equal(0, await db.UserSessions.CountAsync());
    }

    [Fact]
    public async Task The_cookie_holds_only_a_session_key_and_the_ticket_is_kept_protected_in_the_database()
    {
        var client = await Fixture.SignedInClientAsync(Auditor);

        await using var db = Fixture.NewDbContext();
        var session = await db.UserSessions.SingleAsync();
        var auditor = await db.Users.SingleAsync(u => u.Email == Auditor);
        Assert.Equal(auditor.Id, session.UserId);
        Assert.DoesNotContain(Auditor, System.Text.Encoding.UTF8.GetString(session.Ticket));
        Assert.True(session.ExpiresAt > session.CreatedAt.AddHours(11));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sites")).StatusCode);
    }

    [Fact]
    public async Task A_session_unused_for_longer_than_the_idle_timeout_is_refused()
    {
        var client = await Fixture.SignedInClientAsync(Auditor);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sites")).StatusCode);
        await using var db = Fixture.NewDbContext();

        await db.UserSessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, DateTimeOffset.UtcNow.AddMinutes(-31)));
        var afterIdle = await DatabaseFixture.AnswerOnceHeardAsync(client, "/api/sites", HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.Unauthorized, afterIdle);
        Assert.Equal(0, await db.UserSessions.CountAsync());
    }

    [Fact]
    public async Task An_active_session_past_its_absolute_lifetime_is_refused()
    {
        var client = await Fixture.SignedInClientAsync(Auditor);
        await using var db = Fixture.NewDbContext();

        await db.Database.ExecuteSqlRawAsync("""UPDATE "UserSessions" SET "ExpiresAt" = now() - interval '1 second'""");
        var response = await DatabaseFixture.AnswerOnceHeardAsync(client, "/api/sites", HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.Unauthorized, response);
    }

    [Fact]
    public async Task A_new_security_stamp_ends_the_other_sessions_of_the_user()
    {
        await using var host = Fixture.Derive(b => b.UseSetting("Sessions:SecurityStampCheckMinutes", "0"));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await DatabaseFixture.PostLoginAsync(client, Auditor, Core.Data.Seed.DemoSeeder.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sites")).StatusCode);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(Auditor))!);
        }
        var afterStampChange = await client.GetAsync("/api/sites");

        Assert.Equal(HttpStatusCode.Unauthorized, afterStampChange.StatusCode);
    }

    [Fact]
    public async Task A_live_circuit_whose_session_was_signed_out_elsewhere_is_no_longer_valid()
    {
        await Fixture.SignedInClientAsync(Auditor);
        await using var db = Fixture.NewDbContext();
        var key = await db.UserSessions.Select(s => s.Id).SingleAsync();
        var store = Fixture.Factory.Services.GetRequiredService<DatabaseTicketStore>();
        var circuitUser = (await store.RetrieveAsync(key))!.Principal;
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var revalidation = (RevalidatingUserStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        var whileSignedIn = await revalidation.IsStillValidAsync(circuitUser, CancellationToken.None);
        await store.RemoveAsync(key);
        var afterSignOut = await revalidation.IsStillValidAsync(circuitUser, CancellationToken.None);

        Assert.True(whileSignedIn);
        Assert.False(afterSignOut);
    }
}
