using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SoftTargets.Core.Data.Seed;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Account;

/// <summary>On a host of their own with low limits: the shared test host turns rate limiting off.</summary>
public sealed class RateLimitTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Too_many_sign_in_attempts_for_one_address_and_e_mail_get_429_with_retry_after_and_a_message()
    {
        await using var host = LimitedHost();
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var first = await DatabaseFixture.PostLoginAsync(client, ArenaManager, "wrong-password");
        var second = await DatabaseFixture.PostLoginAsync(client, ArenaManager, "wrong-password");
        var third = await DatabaseFixture.PostLoginAsync(client, ArenaManager, DemoSeeder.Password);
        var otherEmail = await DatabaseFixture.PostLoginAsync(client, SchoolManager, DemoSeeder.Password);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(int.Parse(third.Headers.RetryAfter!.ToString()) is > 0 and <= 60);
        Assert.Contains("Too many sign-in attempts", await third.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, otherEmail.StatusCode);
    }

    [Fact]
    public async Task Too_many_api_calls_by_one_user_get_429_with_retry_after()
    {
        await using var host = LimitedHost();
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await DatabaseFixture.PostLoginAsync(client, Auditor, DemoSeeder.Password)).StatusCode);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) answers.Add(await client.GetAsync("/api/sites"));

        Assert.Equal(HttpStatusCode.OK, answers[0].StatusCode);
        var refused = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync());
    }

    private WebApplicationFactory<Program> LimitedHost() => Fixture.Derive(builder =>
    {
        builder.UseSetting("RateLimiting:Enabled", "true");
        builder.UseSetting("RateLimiting:Login:PermitLimit", "2");
        builder.UseSetting("RateLimiting:Login:PerAddressPermitLimit", "10");
        builder.UseSetting("RateLimiting:Api:PermitLimit", "3");
    });
}
