using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Data.Seed;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Hosting;

public sealed class ReverseProxyTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Proxy = "10.20.0.5";
    private const string Stranger = "10.20.0.9";
    private const string PeerHeader = "X-Test-Peer";

    [Fact]
    public async Task Https_forwarded_by_a_configured_proxy_gets_hsts_and_a_secure_auth_cookie()
    {
        await using var factory = BehindProxy();

        var (page, signIn) = await SignInThroughAsync(factory, peer: Proxy);

        Assert.True(page.Headers.Contains("Strict-Transport-Security"), "HSTS is missing");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("secure", AuthCookie(signIn), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        await using var factory = BehindProxy();

        var (page, signIn) = await SignInThroughAsync(factory, peer: Stranger);

        Assert.False(page.Headers.Contains("Strict-Transport-Security"), "HSTS was sent for a forged X-Forwarded-Proto");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("secure", AuthCookie(signIn), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The app with one configured proxy; the test server takes each request's peer address from a test header.</summary>
    private WebApplicationFactory<Program> BehindProxy() =>
        Fixture.Derive(builder =>
        {
            builder.UseSetting("ReverseProxy:KnownProxies", Proxy);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFromHeader>());
        });

    /// <summary>Gets the login form and posts it as a browser behind the proxy would, cookies handed over by hand.</summary>
    private static async Task<(HttpResponseMessage Page, HttpResponseMessage SignIn)> SignInThroughAsync(WebApplicationFactory<Program> factory, string peer)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("http://softtargets.example"),
        });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.DefaultRequestHeaders.Add(PeerHeader, peer);

        var page = await client.GetAsync("/account/login");
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var form = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = DatabaseFixture.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
                ["Input.Email"] = ArenaManager,
                ["Input.Password"] = DemoSeeder.Password,
            }),
        };
        form.Headers.Add("Cookie", cookies);
        return (page, await client.SendAsync(form));
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SoftTargets.Auth=", StringComparison.Ordinal));

    private sealed class PeerAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
