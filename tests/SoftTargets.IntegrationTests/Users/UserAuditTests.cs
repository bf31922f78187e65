using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Audit;
using SoftTargets.Core.Features.Users;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Web.Cli;

namespace SoftTargets.IntegrationTests.Users;

/// <summary>Who created a user, changed their roles or e-mail, is in the audit trail; their secrets are not.</summary>
public sealed class UserAuditTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string NewEmail = "new.manager@arenaplus.example";

    [Fact]
    public async Task Creating_a_user_records_the_user_and_the_role_with_the_secrets_redacted()
    {
        var admin = await Fixture.ActorAsync(Administrator);

        var id = await Fixture.AsAsync<string, UserAdministration>(Administrator,
            u => u.CreateAsync(NewEmail, "New Manager", Roles.VenueManager, "ArenaPlus Venues a.s.", "Brand-New-Password-1"));

        var user = await AuditOfAsync(AuditEntityTypes.User, id);
        var created = Assert.Single(user, e => e.Action == AuditAction.Created);
        Assert.Equal(admin.UserId, created.UserId);
        Assert.Equal(admin.OrganizationId, created.OrganizationId);
        var changes = JsonDocument.Parse(created.Changes).RootElement;
        Assert.Equal(NewEmail, changes.GetProperty("Email").GetProperty("after").GetString());
        Assert.Equal("***", changes.GetProperty("PasswordHash").GetProperty("after").GetString());
        Assert.Equal("***", changes.GetProperty("SecurityStamp").GetProperty("after").GetString());
        var role = Assert.Single(await AuditOfAsync(AuditEntityTypes.UserRole, $"{id}/role-venuemanager"));
        Assert.Equal(AuditAction.Created, role.Action);
        Assert.Equal(admin.UserId, role.UserId);
        await AssertNoSecretsInTheTrailAsync(id);
    }

    [Fact]
    public async Task Changing_roles_email_and_lockout_records_each_change_with_who_made_it()
    {
        var admin = await Fixture.ActorAsync(Administrator);
        var manager = await Fixture.ActorAsync(SchoolManager);
        string[] before;
        await using (var db = Fixture.NewDbContext())
            before = await db.Users.Where(u => u.Id == manager.UserId).Select(u => new[] { u.PasswordHash!, u.SecurityStamp!, u.ConcurrencyStamp! }).SingleAsync();

        await Fixture.AsAsync<UserManager<ApplicationUser>>(Administrator, async users =>
        {
            var user = (await users.FindByIdAsync(manager.UserId))!;
            Check(await users.RemoveFromRoleAsync(user, Roles.VenueManager));
            Check(await users.AddToRoleAsync(user, Roles.Auditor));
            Check(await users.SetEmailAsync(user, "director@zs-lipova.example"));
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddDays(1)));
        });

        var removed = Assert.Single(await AuditOfAsync(AuditEntityTypes.UserRole, $"{manager.UserId}/role-venuemanager"), e => e.Action == AuditAction.Deleted);
        Assert.Equal(admin.UserId, removed.UserId);
        var added = Assert.Single(await AuditOfAsync(AuditEntityTypes.UserRole, $"{manager.UserId}/role-auditor"));
        Assert.Equal(AuditAction.Created, added.Action);
        var updates = (await AuditOfAsync(AuditEntityTypes.User, manager.UserId)).Where(e => e.Action == AuditAction.Updated).ToList();
        var email = Assert.Single(updates, e => e.Changes.Contains("\"Email\""));
        Assert.Equal(admin.UserId, email.UserId);
        Assert.Equal(SchoolManager, JsonDocument.Parse(email.Changes).RootElement.GetProperty("Email").GetProperty("before").GetString());
        var lockout = Assert.Single(updates, e => e.Changes.Contains("\"LockoutEnd\""));
        Assert.Equal(admin.UserId, lockout.UserId);
        await AssertNoSecretsInTheTrailAsync(manager.UserId, before);
    }

    [Fact]
    public async Task A_user_created_by_the_command_line_is_recorded_as_created_by_the_system()
    {
        var code = await CommandLine.RunAsync(Fixture.Factory.Services,
            ["create-user", "--email", NewEmail, "--role", "VenueManager", "--org", "ArenaPlus Venues a.s."],
            new StringReader("Brand-New-Password-1\n"), TextWriter.Null, TextWriter.Null);

        Assert.Equal(0, code);
        await using var db = Fixture.NewDbContext();
        var id = await db.Users.Where(u => u.Email == NewEmail).Select(u => u.Id).SingleAsync();
        var created = Assert.Single(await AuditOfAsync(AuditEntityTypes.User, id), e => e.Action == AuditAction.Created);
        Assert.Equal("system", created.UserName);
        await AssertNoSecretsInTheTrailAsync(id);
    }

    private async Task<List<AuditLogEntry>> AuditOfAsync(string entityType, string entityId)
    {
        await using var db = Fixture.NewDbContext();
        return await db.AuditLog.Where(e => e.EntityType == entityType && e.EntityId == entityId).OrderBy(e => e.At).ToListAsync();
    }

    /// <summary>Neither the hash nor the stamps the user has now appear anywhere in the trail's JSON.</summary>
    private async Task AssertNoSecretsInTheTrailAsync(string userId, params string[] earlier)
    {
        await using var db = Fixture.NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var trail = await db.AuditLog.Where(e => e.EntityId.StartsWith(userId)).Select(e => e.Changes).ToListAsync();
        Assert.NotEmpty(trail);
        foreach (var secret in earlier.Concat([user.PasswordHash!, user.SecurityStamp!, user.ConcurrencyStamp!]))
            Assert.DoesNotContain(trail, changes => changes.Contains(secret, StringComparison.Ordinal));
    }

    private static void Check(IdentityResult result) => Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
