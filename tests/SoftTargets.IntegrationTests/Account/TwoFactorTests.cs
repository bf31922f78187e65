using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Users;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.IntegrationTests.Users;
using SoftTargets.Tests;

namespace SoftTargets.IntegrationTests.Account;

public sealed partial class TwoFactorTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Invited = "totp.manager@arenaplus.example";
    private const string InvitedPassword = "Invited-Totp-2026!";

    [Fact]
    public async Task An_invited_manager_sets_a_password_turns_on_an_authenticator_and_signs_in_with_its_code()
    {
        await InviteAndAcceptAsync();
        var client = Fixture.AnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await DatabaseFixture.PostLoginAsync(client, Invited, InvitedPassword)).StatusCode);

        var (key, codes) = await EnableAsync(client);

        Assert.Equal(OwnAccount.RecoveryCodeCount, codes.Count);
        var fresh = Fixture.AnonymousClient();
        var password = await DatabaseFixture.PostLoginAsync(fresh, Invited, InvitedPassword);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login/two-factor", password.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        // The password alone is not a session.
        Assert.Contains("/account/login", (await fresh.GetAsync("/")).Headers.Location!.OriginalString);
        var wrong = await PostSecondStepAsync(fresh, "000000" == Totp.Code(key) ? "111111" : "000000");
        Assert.Contains("The code is not right", await wrong.Content.ReadAsStringAsync());

        var signedIn = await PostSecondStepAsync(fresh, Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        await InviteAndAcceptAsync();
        var client = Fixture.AnonymousClient();
        await DatabaseFixture.PostLoginAsync(client, Invited, InvitedPassword);
        var (_, codes) = await EnableAsync(client);

        var first = Fixture.AnonymousClient();
        await DatabaseFixture.PostLoginAsync(first, Invited, InvitedPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await PostSecondStepAsync(first, codes[0])).StatusCode);

        var second = Fixture.AnonymousClient();
        await DatabaseFixture.PostLoginAsync(second, Invited, InvitedPassword);
        var again = await PostSecondStepAsync(second, codes[0]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("The code is not right", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostSecondStepAsync(second, codes[1])).StatusCode);
    }

    [Fact]
    public async Task Staff_without_a_second_factor_reach_nothing_but_its_set_up_until_they_turn_it_on()
    {
        await using var host = Fixture.Derive(b => b.UseSetting("Accounts:RequireTwoFactorForStaff", "true"));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await DatabaseFixture.PostLoginAsync(client, Auditor, DemoSeeder.Password)).StatusCode);

        var home = await client.GetAsync("/");
        var dashboards = await client.GetAsync("/dashboards");
        var api = await client.GetAsync("/api/sites");
        var setup = await client.GetStringAsync("/account/two-factor");

        Assert.Equal("/account/two-factor", home.Headers.Location?.OriginalString);
        Assert.Equal("/account/two-factor", dashboards.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("Your role needs a second factor", setup);

        await EnableAsync(client);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboards")).StatusCode);
        // A venue manager may choose: nothing is asked of them.
        var manager = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await DatabaseFixture.PostLoginAsync(manager, ArenaManager, DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_resets_the_second_factor_of_a_user_who_lost_the_phone_and_the_trail_shows_it()
    {
        await InviteAndAcceptAsync();
        var client = Fixture.AnonymousClient();
        await DatabaseFixture.PostLoginAsync(client, Invited, InvitedPassword);
        await EnableAsync(client);
        string id;
        await using (var db = Fixture.NewDbContext()) id = await db.Users.Where(u => u.Email == Invited).Select(u => u.Id).SingleAsync();

        await Fixture.AsAsync<UserAdministration>(Administrator, s => s.ResetTwoFactorAsync(id));

        var again = Fixture.AnonymousClient();
        var login = await DatabaseFixture.PostLoginAsync(again, Invited, InvitedPassword);
        Assert.Equal("/", login.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        await using var check = Fixture.NewDbContext();
        Assert.False(await check.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync());
        var administrator = (await Fixture.ActorAsync(Administrator)).UserId;
        var trail = await check.AuditLog.Where(a => a.EntityId == id).Select(a => new { a.UserId, a.Changes }).ToListAsync();
        Assert.Contains(trail, entry => entry.UserId == administrator && entry.Changes.Contains("TwoFactorEnabled"));
    }

    [Fact]
    public async Task Turning_the_second_factor_off_needs_the_password()
    {
        await InviteAndAcceptAsync();
        var client = Fixture.AnonymousClient();
        await DatabaseFixture.PostLoginAsync(client, Invited, InvitedPassword);
        await EnableAsync(client);

        var refused = await PostFormAsync(client, "/account/two-factor", "disable", new() { ["Input.Value"] = "not-the-password" });
        Assert.Contains("The current password is not right", await refused.Content.ReadAsStringAsync());
        var done = await PostFormAsync(client, "/account/two-factor", "disable", new() { ["Input.Value"] = InvitedPassword });

        Assert.Contains("two-factor-enable", await done.Content.ReadAsStringAsync());
        var fresh = Fixture.AnonymousClient();
        Assert.Equal("/", (await DatabaseFixture.PostLoginAsync(fresh, Invited, InvitedPassword)).Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    private async Task InviteAndAcceptAsync()
    {
        Fixture.Mail.Clear();
        Guid organization;
        await using (var db = Fixture.NewDbContext())
            organization = await db.Organizations.Where(o => o.Name == "ArenaPlus Venues a.s.").Select(o => o.Id).SingleAsync();
        await Fixture.AsAsync<string, UserAdministration>(Administrator, s => s.InviteAsync(
            new UserInvitation(Invited, "Totp Manager", organization, [Roles.VenueManager], Languages.English)));
        var (user, token) = InvitationTests.LinkParts(TestMailServer.LinkIn(await Fixture.Mail.LatestToAsync(Invited)));
        await Fixture.AsAsync<AccountRecovery>(Administrator, r => r.AcceptInvitationAsync(user, token, InvitedPassword));
    }

    /// <summary>Reads the key from the set-up page as a person would, answers with the app's code and returns the recovery codes shown.</summary>
    internal static async Task<(string Key, IReadOnlyList<string> Codes)> EnableAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/account/two-factor");
        var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "");
        Assert.NotEmpty(key);
        Assert.Contains("<svg", page);
        var answer = await PostFormAsync(client, "/account/two-factor", "enable", new() { ["Enable.Value"] = Totp.Code(key) }, page);
        var html = await answer.Content.ReadAsStringAsync();
        var codes = RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.True(codes.Count > 0, html);
        return (key, codes);
    }

    private static async Task<HttpResponseMessage> PostSecondStepAsync(HttpClient client, string code)
    {
        const string path = "/account/login/two-factor?returnUrl=%2F&remember=False";
        return await PostFormAsync(client, path, "two-factor-login", new() { ["Input.Code"] = code });
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string form, Dictionary<string, string> fields, string? page = null)
    {
        page ??= await client.GetStringAsync(path);
        fields["_handler"] = form;
        fields["__RequestVerificationToken"] = DatabaseFixture.AntiforgeryToken(page);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("id=\"shared-key\"[^>]*>([^<]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
