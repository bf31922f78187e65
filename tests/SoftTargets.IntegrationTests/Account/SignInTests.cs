using System.Net;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data.Seed;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Account;

public sealed class SignInTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_demo_user_signs_in_and_sees_the_home_figures()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var home = await client.GetStringAsync("/");

        Assert.Contains("id=\"fig-sites\"", home);
        Assert.Contains("My sites", home);
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_telling_whether_the_account_exists()
    {
        var client = Fixture.AnonymousClient();

        var wrongPassword = await DatabaseFixture.PostLoginAsync(client, ArenaManager, "not-the-password");
        var unknownUser = await DatabaseFixture.PostLoginAsync(client, "nobody@nowhere.example", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Contains("The e-mail or password is not correct", await wrongPassword.Content.ReadAsStringAsync());
        Assert.Contains("The e-mail or password is not correct", await unknownUser.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_with_a_message_and_even_the_right_password_is_refused()
    {
        var client = Fixture.AnonymousClient();

        for (var attempt = 1; attempt <= 4; attempt++)
            Assert.Contains("not correct", await (await DatabaseFixture.PostLoginAsync(client, SchoolManager, "wrong")).Content.ReadAsStringAsync());
        var fifth = await (await DatabaseFixture.PostLoginAsync(client, SchoolManager, "wrong")).Content.ReadAsStringAsync();
        var rightPassword = await DatabaseFixture.PostLoginAsync(client, SchoolManager, DemoSeeder.Password);

        Assert.Contains("This account is locked after 5 wrong passwords. Try again in 15 minutes", fifth);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("This account is locked", await rightPassword.Content.ReadAsStringAsync());
        await using var db = Fixture.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == SchoolManager);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Signing_in_never_redirects_to_another_site()
    {
        var client = Fixture.AnonymousClient();
        var token = DatabaseFixture.AntiforgeryToken(await client.GetStringAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F"));

        var response = await client.PostAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = Auditor, ["Input.Password"] = DemoSeeder.Password,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await Fixture.SignedInClientAsync(Auditor);
        var token = DatabaseFixture.AntiforgeryToken(await client.GetStringAsync("/"));

        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
    }
}
