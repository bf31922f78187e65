using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Users;

public sealed record UserListItem(string Id, string Email, string DisplayName, string OrganizationName, IReadOnlyList<string> Roles, bool IsLockedOut);

/// <summary>User accounts are managed by administrators (and by the <c>create-user</c> verb).</summary>
public sealed class UserAdministration(
    UserManager<ApplicationUser> users, SoftTargetsDbContext identityDb, IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserListItem>> ListAsync(CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandRole(Roles.Administrator);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await (from u in db.Users
                          join o in db.Organizations on u.OrganizationId equals o.Id
                          orderby u.Email
                          select new
                          {
                              u.Id, u.Email, u.DisplayName, Organization = o.Name, Locked = u.LockoutEnd > now,
                              Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
                          }).ToListAsync(ct);
        return rows.Select(r => new UserListItem(r.Id, r.Email ?? "", r.DisplayName, r.Organization, r.Roles.Order().ToList()!, r.Locked)).ToList();
    }

    /// <summary>Creates a user in an organisation (found by name) with one role.</summary>
    public async Task<string> CreateAsync(string email, string displayName, string role, string organizationName, string password, CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandRole(Roles.Administrator);
        if (!Roles.All.Contains(role))
            throw ValidationFailedException.For("Role", $"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.All)}.");
        var organization = await identityDb.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Name == organizationName, ct)
            ?? throw ValidationFailedException.For("Organization", $"Unknown organisation '{organizationName}'.");

        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, OrganizationId = organization.Id,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim(),
        };
        // The user store saves through the scoped context: one transaction makes user and role one change.
        await using var transaction = await identityDb.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        await transaction.CommitAsync(ct);
        return user.Id;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new ValidationFailedException(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
    }
}
