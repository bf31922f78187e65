using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Users;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Api;

public sealed class ApiTokenTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Csv = "name;address;region;venueType;maxOccupancy\nKino Lucerna;Vodičkova 36, Praha;Praha;theatre-cinema;1 200\n";

    [Fact]
    public async Task A_user_creates_lists_and_revokes_a_token_and_a_revoked_token_gets_401()
    {
        var (created, secret) = await Fixture.AsAsync<(ApiTokenListItem, string), ApiTokens>(ArenaManager,
            tokens => tokens.CreateAsync("CI import", TimeSpan.FromDays(30), [Roles.VenueManager]));
        var client = Fixture.TokenClient(secret);

        var before = await client.GetAsync("/api/sites");
        var listed = await Fixture.AsAsync<IReadOnlyList<ApiTokenListItem>, ApiTokens>(ArenaManager, tokens => tokens.ListAsync());
        var othersList = await Fixture.AsAsync<IReadOnlyList<ApiTokenListItem>, ApiTokens>(SchoolManager, tokens => tokens.ListAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<ApiTokens>(SchoolManager, tokens => tokens.RevokeAsync(created.Id)));
        await Fixture.AsAsync<ApiTokens>(ArenaManager, tokens => tokens.RevokeAsync(created.Id));
        var after = await client.GetAsync("/api/sites");

        Assert.StartsWith(ApiToken.SecretPrefix, secret);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var listedToken = Assert.Single(listed);
        Assert.Equal("CI import", listedToken.Name);
        Assert.NotNull(listedToken.LastUsedAt);
        Assert.Empty(othersList);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("Bearer", after.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Only_the_hash_of_the_secret_is_stored_and_the_audit_trail_records_neither()
    {
        var secret = await Fixture.CreateApiTokenAsync(ArenaManager);

        await using var db = Fixture.NewDbContext();
        var token = await db.ApiTokens.SingleAsync();
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), token.SecretHash);
        var row = await db.Database.SqlQueryRaw<string>("""SELECT row_to_json(t)::text AS "Value" FROM "ApiTokens" t""").SingleAsync();
        Assert.DoesNotContain(secret, row);
        var audit = await db.AuditLog.Where(a => a.EntityType == nameof(ApiToken)).Select(a => a.Changes).SingleAsync();
        Assert.DoesNotContain(secret, audit);
        Assert.DoesNotContain(Convert.ToHexStringLower(token.SecretHash), audit);
        Assert.DoesNotContain(Convert.ToBase64String(token.SecretHash), audit);
    }

    [Fact]
    public async Task A_token_call_needs_no_antiforgery_header_and_an_unknown_or_expired_token_gets_401()
    {
        var secret = await Fixture.CreateApiTokenAsync(ArenaManager);
        var client = Fixture.TokenClient(secret);

        var imported = await client.PostAsync("/api/sites/import", new StringContent(Csv, Encoding.UTF8, "text/csv"));
        var unknown = await Fixture.TokenClient(ApiToken.SecretPrefix + "not-a-real-one").GetAsync("/api/sites");
        await using (var db = Fixture.NewDbContext())
            await db.Database.ExecuteSqlRawAsync("""UPDATE "ApiTokens" SET "ExpiresAt" = now() - interval '1 second'""");
        var expired = await client.GetAsync("/api/sites");

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_token_scoped_to_fewer_roles_is_refused_where_the_missing_role_is_needed()
    {
        await GiveRoleAsync(ArenaManager, Roles.Auditor);
        var auditorOnly = Fixture.TokenClient(await Fixture.CreateApiTokenAsync(ArenaManager, null, Roles.Auditor));
        var both = Fixture.TokenClient(await Fixture.CreateApiTokenAsync(ArenaManager, null, Roles.Auditor, Roles.VenueManager));

        var scopedImport = await auditorOnly.PostAsync("/api/sites/import", new StringContent(Csv, Encoding.UTF8, "text/csv"));
        var scopedRead = await auditorOnly.GetAsync("/api/sites");
        var fullImport = await both.PostAsync("/api/sites/import", new StringContent(Csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Forbidden, scopedImport.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scopedRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fullImport.StatusCode);
        await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.CreateApiTokenAsync(SchoolManager, null, Roles.Auditor));
    }

    [Fact]
    public async Task A_token_gets_no_more_than_its_user_has_now()
    {
        var client = Fixture.TokenClient(await Fixture.CreateApiTokenAsync(ArenaManager));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sites")).StatusCode);
        await using var db = Fixture.NewDbContext();
        var manager = await db.Users.SingleAsync(u => u.Email == ArenaManager);

        await db.UserRoles.Where(r => r.UserId == manager.Id).ExecuteDeleteAsync();
        var withoutRole = await client.GetAsync("/api/sites");
        await db.Users.Where(u => u.Id == manager.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1)));
        var lockedOut = await client.GetAsync("/api/sites");

        Assert.Equal(HttpStatusCode.Forbidden, withoutRole.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, lockedOut.StatusCode);
    }

    [Fact]
    public async Task A_token_never_reaches_another_organisations_site()
    {
        var school = await SiteIdAsync("ZŠ Lipová – hlavní budova");
        var client = Fixture.TokenClient(await Fixture.CreateApiTokenAsync(ArenaManager));

        var read = await client.GetAsync($"/api/sites/{school}");
        var delete = await client.DeleteAsync($"/api/sites/{school}?version={await SiteVersionAsync(school)}");
        var list = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/sites");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.DoesNotContain("Lipová", list.ToString());
        await using var db = Fixture.NewDbContext();
        Assert.True(await db.Sites.AnyAsync(s => s.Id == school));
    }

    [Fact]
    public async Task A_bearer_token_is_only_read_on_the_api()
    {
        var client = Fixture.TokenClient(await Fixture.CreateApiTokenAsync(Auditor));

        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.OriginalString);
    }

    private async Task GiveRoleAsync(string email, string role)
    {
        await using var db = Fixture.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ({user.Id}, {"role-" + role.ToLowerInvariant()})""");
    }
}
