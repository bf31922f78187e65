using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Api;

/// <summary>
/// A page of another origin can make the browser send the sign-in cookie with a "simple" request
/// (text/plain or a form): such a call must not change anything.
/// </summary>
public sealed class ApiCsrfTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Csv = "name;address;region;venueType;maxOccupancy\nKino Lucerna;Vodičkova 36, Praha;Praha;theatre-cinema;1 200\n";

    [Fact]
    public async Task A_cross_site_text_plain_or_form_import_with_only_the_cookie_is_refused_and_imports_nothing()
    {
        var browser = await CookieOnlyClientAsync(ArenaManager);
        var before = await SiteCountAsync();

        var textPlain = await browser.PostAsync("/api/sites/import", new StringContent(Csv, Encoding.UTF8, "text/plain"));
        var form = await browser.PostAsync("/api/sites/import", new FormUrlEncodedContent(new Dictionary<string, string> { [Csv] = "" }));
        var csvWithoutToken = await browser.PostAsync("/api/sites/import", new StringContent(Csv, Encoding.UTF8, "text/csv"));
        var editor = await CookieOnlyClientAsync(Editor);
        var methodology = await editor.PostAsync("/api/methodology/import", new StringContent("format: 1", Encoding.UTF8, "text/plain"));
        var yamlWithoutToken = await editor.PostAsync("/api/methodology/import", new StringContent("format: 1", Encoding.UTF8, "application/yaml"));

        // The bodies a page of another site can send without asking first are not what the imports read at all...
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, textPlain.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, methodology.StatusCode);
        // ...and their own content types still need the antiforgery header when only the cookie signs the call in.
        Assert.Equal(HttpStatusCode.BadRequest, csvWithoutToken.StatusCode);
        Assert.Contains("antiforgery", await csvWithoutToken.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, yamlWithoutToken.StatusCode);
        Assert.Contains("antiforgery", await yamlWithoutToken.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await SiteCountAsync());
    }

    [Fact]
    public async Task A_call_from_another_origin_is_refused_even_with_the_token()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);
        var before = await SiteCountAsync();

        var otherPort = Request("http://localhost:8081");
        var crossSite = Request(null, "cross-site");
        var refusedByOrigin = await client.SendAsync(otherPort);
        var refusedByFetchSite = await client.SendAsync(crossSite);

        Assert.Equal(HttpStatusCode.Forbidden, refusedByOrigin.StatusCode);
        Assert.Contains("another site", await refusedByOrigin.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refusedByFetchSite.StatusCode);
        Assert.Equal(before, await SiteCountAsync());
    }

    [Fact]
    public async Task A_same_origin_call_with_the_cookie_and_the_antiforgery_header_is_allowed()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);
        var before = await SiteCountAsync();

        var response = await client.SendAsync(Request("http://localhost", "same-origin"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await SiteCountAsync());
    }

    [Fact]
    public async Task Reading_with_the_cookie_needs_no_antiforgery_header()
    {
        var client = await CookieOnlyClientAsync(Auditor);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sites")).StatusCode);
    }

    private static HttpRequestMessage Request(string? origin, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sites/import") { Content = new StringContent(Csv, Encoding.UTF8, "text/csv") };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    /// <summary>Signed in, but sending only what a browser sends on its own: the cookies.</summary>
    private async Task<HttpClient> CookieOnlyClientAsync(string email)
    {
        var client = Fixture.AnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await DatabaseFixture.PostLoginAsync(client, email, Core.Data.Seed.DemoSeeder.Password)).StatusCode);
        return client;
    }

    private async Task<int> SiteCountAsync()
    {
        await using var db = Fixture.NewDbContext();
        return await db.Sites.CountAsync();
    }
}
