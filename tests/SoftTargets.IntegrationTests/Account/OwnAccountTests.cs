using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data.Seed;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Account;

public sealed class OwnAccountTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string NewPassword = "Changed-Password-2026!";

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        await using var host = Fixture.Derive(b => b.UseSetting("Sessions:SecurityStampCheckMinutes", "0"));
        var here = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var elsewhere = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await DatabaseFixture.PostLoginAsync(here, ArenaManager, DemoSeeder.Password);
        await DatabaseFixture.PostLoginAsync(elsewhere, ArenaManager, DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/")).StatusCode);

        var wrong = await PostAsync(here, "/account/password", "change-password", new()
        {
            ["Input.Current"] = "not-the-password", ["Input.Password"] = NewPassword, ["Input.Confirm"] = NewPassword,
        });
        Assert.Contains("The current password is not right", await wrong.Content.ReadAsStringAsync());
        var changed = await PostAsync(here, "/account/password", "change-password", new()
        {
            ["Input.Current"] = DemoSeeder.Password, ["Input.Password"] = NewPassword, ["Input.Confirm"] = NewPassword,
        });

        Assert.Contains("id=\"password-done\"", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        Assert.Contains("/account/login", (await elsewhere.GetAsync("/")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await DatabaseFixture.PostLoginAsync(Fixture.AnonymousClient(), ArenaManager, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_new_password_must_follow_the_password_rules()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var refused = await PostAsync(client, "/account/password", "change-password", new()
        {
            ["Input.Current"] = DemoSeeder.Password, ["Input.Password"] = "short", ["Input.Confirm"] = "short",
        });

        Assert.Contains("at least 12 characters", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_profile_changes_the_name_and_the_language_of_the_app_and_the_mails()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var saved = await PostAsync(client, "/account/profile", "profile", new() { ["Input.DisplayName"] = "Jana Nováková", ["Input.Language"] = "cs" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await client.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("id=\"profile-saved\"", after);
        Assert.Contains("<html lang=\"cs\"", after);
        await using var db = Fixture.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == ArenaManager);
        Assert.Equal(("Jana Nováková", "cs"), (user.DisplayName, user.Language));
        var empty = await PostAsync(client, "/account/profile", "profile", new() { ["Input.DisplayName"] = " ", ["Input.Language"] = "cs" });
        Assert.Contains("id=\"profile-message\"", await empty.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string form, Dictionary<string, string> fields)
    {
        fields["_handler"] = form;
        fields["__RequestVerificationToken"] = DatabaseFixture.AntiforgeryToken(await client.GetStringAsync(path));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
