using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Hosting;

public sealed class DataProtectionKeyTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task With_a_configured_key_the_stored_keys_are_encrypted_and_another_node_reads_the_cookie()
    {
        // The shared test host already keeps an unencrypted key in the table (kept across resets): set it aside
        // so that the node under test makes its own key, and put it back afterwards for the hosts still running.
        List<DataProtectionKey> keptKeys;
        await using (var db = Fixture.NewDbContext())
        {
            keptKeys = await db.DataProtectionKeys.AsNoTracking().ToListAsync();
            await db.DataProtectionKeys.ExecuteDeleteAsync();
        }
        try
        {
            await SignsInOnOneNodeAndIsReadByAnotherAsync();
        }
        finally
        {
            await using var db = Fixture.NewDbContext();
            await db.DataProtectionKeys.ExecuteDeleteAsync();
            db.DataProtectionKeys.AddRange(keptKeys);
            await db.SaveChangesAsync();
        }
    }

    private async Task SignsInOnOneNodeAndIsReadByAnotherAsync()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var firstNode = WithKey(key);
        var signIn = await DatabaseFixture.PostLoginAsync(
            firstNode.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), ArenaManager, Core.Data.Seed.DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        await using (var db = Fixture.NewDbContext())
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<aesGcmEncryptedKey", xml);
                Assert.DoesNotContain("<masterKey", xml);
            });
        }

        // A second node starts with an empty key cache: it must decrypt the stored key to read the first node's cookie.
        await using var secondNode = WithKey(key);
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("SoftTargets.Auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var home = await secondNode.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("My sites", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Production_refuses_to_start_without_a_key_and_names_the_setting()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:SoftTargets", Fixture.ConnectionString);
        });

        var error = Record.Exception(() => factory.Services);

        Assert.NotNull(error);
        Assert.Contains("DataProtection__Key", error.ToString());
    }

    private WebApplicationFactory<Program> WithKey(string key) =>
        Fixture.Derive(builder => builder.UseSetting("DataProtection:Key", key));
}
