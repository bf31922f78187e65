using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Mail;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Users;

public sealed record UserListItem(
    string Id, string Email, string DisplayName, Guid OrganizationId, string OrganizationName, IReadOnlyList<string> Roles,
    bool IsLockedOut, bool IsDeactivated, bool IsInvited, string Language, bool HasTwoFactor = false);

/// <summary>A new person to invite: they get a mail with a link that lets them set their password.</summary>
public sealed record UserInvitation(string Email, string DisplayName, Guid OrganizationId, IReadOnlyList<string> Roles, string Language);

public sealed record UserChange(string DisplayName, IReadOnlyList<string> Roles, string Language);

/// <summary>
/// User accounts. Administrators manage everyone's; a venue organisation's local administrator manages only the
/// users of their own organisation (another organisation's user does not exist for them) and gives only its roles.
/// The <c>create-user</c> verb creates accounts with a password.
/// </summary>
public sealed class UserAdministration(
    UserManager<ApplicationUser> users, SoftTargetsDbContext identityDb, IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser,
    TimeProvider clock, IMailSender mail, IOptions<SmtpSettings> smtp, IOptions<AccountSettings> accounts)
{
    public async Task<IReadOnlyList<UserListItem>> ListAsync(CancellationToken ct = default)
    {
        var actor = await DemandUserManagerAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var scoped = db.Users.AsQueryable();
        if (!actor.ManagesAllUsers) scoped = scoped.Where(u => u.OrganizationId == actor.OrganizationId);
        var rows = await (from u in scoped
                          join o in db.Organizations on u.OrganizationId equals o.Id
                          orderby u.Email
                          select new
                          {
                              u.Id, u.Email, u.DisplayName, u.OrganizationId, Organization = o.Name, Locked = u.LockoutEnd > now,
                              Deactivated = u.DeactivatedAt != null, Invited = u.PasswordHash == null, u.Language, u.TwoFactorEnabled,
                              Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
                          }).ToListAsync(ct);
        return rows.Select(r => new UserListItem(r.Id, r.Email ?? "", r.DisplayName, r.OrganizationId, r.Organization, r.Roles.Order().ToList()!,
            r.Locked, r.Deactivated, r.Invited, r.Language, r.TwoFactorEnabled)).ToList();
    }

    public async Task<UserListItem> GetAsync(string id, CancellationToken ct = default)
    {
        await DemandUserManagerAsync(ct);
        return (await ListAsync(ct)).FirstOrDefault(u => u.Id == id) ?? throw new NotFoundException("The user");
    }

    /// <summary>Creates the account without a password and mails the person a link to set one.</summary>
    public async Task<string> InviteAsync(UserInvitation invitation, CancellationToken ct = default)
    {
        var actor = await DemandUserManagerAsync(ct);
        if (!actor.CanManageUsersOf(invitation.OrganizationId)) throw new NotFoundException("The organisation");
        var organization = await identityDb.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == invitation.OrganizationId, ct)
            ?? throw new NotFoundException("The organisation");
        var email = invitation.Email.Trim();
        var problems = new Dictionary<string, LocalizedText>();
        if (email.Length == 0 || !email.Contains('@') || email.Length > 256) problems["Email"] = new("Enter the person's e-mail address.", "Zadejte e-mailovou adresu osoby.");
        else if (await users.FindByEmailAsync(email) is not null) problems["Email"] = new("Somebody already has an account with this e-mail address.", "S touto e-mailovou adresou už někdo účet má.");
        if (string.IsNullOrWhiteSpace(invitation.DisplayName)) problems["DisplayName"] = new("Enter the person's name.", "Zadejte jméno osoby.");
        CheckRoles(actor, organization, invitation.Roles, problems);
        CheckLanguage(invitation.Language, problems);
        if (problems.Count > 0) throw ValidationFailedException.From(problems);

        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = false, OrganizationId = organization.Id,
            DisplayName = invitation.DisplayName.Trim(), Language = invitation.Language,
        };
        await using (var transaction = await identityDb.Database.BeginTransactionAsync(ct))
        {
            Check(await users.CreateAsync(user));
            Check(await users.AddToRolesAsync(user, invitation.Roles.Distinct()));
            await transaction.CommitAsync(ct);
        }
        await SendInvitationAsync(user, organization.Name, ct);
        return user.Id;
    }

    /// <summary>Sends a new invitation link to a person who has not set their password yet.</summary>
    public async Task ResendInvitationAsync(string id, CancellationToken ct = default)
    {
        var (user, _) = await ManagedUserAsync(id, ct);
        if (user.PasswordHash is not null)
            throw ValidationFailedException.From(new Dictionary<string, LocalizedText> { [""] = new("This person has already set their password.", "Tato osoba už si heslo nastavila.") });
        var organization = await identityDb.Organizations.AsNoTracking().SingleAsync(o => o.Id == user.OrganizationId, ct);
        await SendInvitationAsync(user, organization.Name, ct);
    }

    public async Task UpdateAsync(string id, UserChange change, CancellationToken ct = default)
    {
        var (user, actor) = await ManagedUserAsync(id, ct);
        var organization = await identityDb.Organizations.AsNoTracking().SingleAsync(o => o.Id == user.OrganizationId, ct);
        var problems = new Dictionary<string, LocalizedText>();
        if (string.IsNullOrWhiteSpace(change.DisplayName)) problems["DisplayName"] = new("Enter the person's name.", "Zadejte jméno osoby.");
        else if (change.DisplayName.Trim().Length > 200) problems["DisplayName"] = new("The name can have at most 200 characters.", "Jméno může mít nejvýše 200 znaků.");
        CheckRoles(actor, organization, change.Roles, problems);
        CheckLanguage(change.Language, problems);
        if (user.Id == actor.UserId && user.OrganizationId == actor.OrganizationId && actor.Roles.Except(change.Roles).Any(r => r is Roles.Administrator or Roles.LocalAdministrator))
            problems["Roles"] = new("You cannot take your own administrator role away: ask another administrator.", "Svou vlastní roli správce si odebrat nemůžete: požádejte jiného správce.");
        if (problems.Count > 0) throw ValidationFailedException.From(problems);

        await using var transaction = await identityDb.Database.BeginTransactionAsync(ct);
        user.DisplayName = change.DisplayName.Trim();
        user.Language = change.Language;
        Check(await users.UpdateAsync(user));
        var current = await users.GetRolesAsync(user);
        var wanted = change.Roles.Distinct().ToList();
        if (current.Except(wanted).ToList() is { Count: > 0 } removed) Check(await users.RemoveFromRolesAsync(user, removed));
        if (wanted.Except(current).ToList() is { Count: > 0 } added) Check(await users.AddToRolesAsync(user, added));
        await transaction.CommitAsync(ct);
    }

    /// <summary>A deactivated account cannot sign in, and its sessions end (its security stamp changes).</summary>
    public async Task DeactivateAsync(string id, CancellationToken ct = default)
    {
        var (user, actor) = await ManagedUserAsync(id, ct);
        if (user.Id == actor.UserId) throw ValidationFailedException.From(new Dictionary<string, LocalizedText> { [""] = new("You cannot deactivate your own account.", "Svůj vlastní účet deaktivovat nemůžete.") });
        user.DeactivatedAt ??= clock.GetUtcNow();
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task ReactivateAsync(string id, CancellationToken ct = default)
    {
        var (user, _) = await ManagedUserAsync(id, ct);
        user.DeactivatedAt = null;
        Check(await users.UpdateAsync(user));
    }

    /// <summary>Ends a lockout after too many wrong passwords, and forgets the failures counted so far.</summary>
    public async Task UnlockAsync(string id, CancellationToken ct = default)
    {
        var (user, _) = await ManagedUserAsync(id, ct);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    }

    /// <summary>
    /// Turns off the second factor of a user who lost their authenticator: the key and recovery codes are
    /// forgotten and their sessions end; staff who must use it set it up again at their next sign-in.
    /// </summary>
    public async Task ResetTwoFactorAsync(string id, CancellationToken ct = default)
    {
        var (user, actor) = await ManagedUserAsync(id, ct);
        // One's own second factor is turned off with one's password, on the two-factor page.
        if (user.Id == actor.UserId) throw ValidationFailedException.From(new Dictionary<string, LocalizedText>
        {
            [""] = new("Turn off your own two-factor authentication on your two-factor page, with your password.", "Své vlastní dvoufázové ověření vypnete na stránce dvoufázového ověření svým heslem."),
        });
        await OwnAccount.TurnOffAsync(users, user);
    }

    /// <summary>Creates a user in an organisation (found by name) with one role and a password: the <c>create-user</c> verb.</summary>
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

    private async Task SendInvitationAsync(ApplicationUser user, string organizationName, CancellationToken ct)
    {
        var token = await users.GenerateUserTokenAsync(user, AccountSettings.InvitationTokenProvider, AccountSettings.InvitationPurpose);
        var link = AccountLinks.Build(smtp.Value.PublicBaseUrl, "/account/invitation", user.Id, token);
        await mail.SendAsync(AccountMails.Invitation(user.Email!, user.DisplayName, user.Language, organizationName, link, accounts.Value.InvitationLifetime), ct);
    }

    private async Task<Actor> DemandUserManagerAsync(CancellationToken ct, [CallerMemberName] string operation = "")
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.ManagesAllUsers || (actor.IsIn(Roles.LocalAdministrator) && actor.OrganizationId is not null), operation);
        return actor;
    }

    /// <summary>The user, tracked by the user manager's context; another organisation's user is not found for a local administrator.</summary>
    private async Task<(ApplicationUser User, Actor Actor)> ManagedUserAsync(string id, CancellationToken ct, [CallerMemberName] string operation = "")
    {
        var actor = await DemandUserManagerAsync(ct, operation);
        var user = await users.FindByIdAsync(id);
        if (user is null || !actor.CanManageUsersOf(user.OrganizationId)) throw new NotFoundException("The user");
        return (user, actor);
    }

    private static void CheckRoles(Actor actor, Organization organization, IReadOnlyList<string> roles, Dictionary<string, LocalizedText> problems)
    {
        if (roles.Count == 0) problems["Roles"] = new("Choose at least one role.", "Vyberte alespoň jednu roli.");
        else if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown) problems["Roles"] = new($"Unknown role '{unknown}'.", $"Neznámá role '{unknown}'.");
        else if (!actor.ManagesAllUsers && roles.Any(r => !Roles.OfVenueOrganizations.Contains(r)))
            problems["Roles"] = new("A local administrator gives only the roles of a venue organisation: venue manager and local administrator.", "Místní správce přiděluje jen role organizace provozovatele: správce objektu a místní správce.");
        else if (roles.Contains(Roles.LocalAdministrator) && organization.Kind != OrganizationKind.Operator)
            problems["Roles"] = new("Only a venue organisation has local administrators.", "Místní správce může mít jen organizace provozovatele.");
    }

    private static void CheckLanguage(string language, Dictionary<string, LocalizedText> problems)
    {
        if (!Languages.All.Contains(language)) problems["Language"] = new("Choose English or Czech.", "Vyberte angličtinu, nebo češtinu.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new ValidationFailedException(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
    }
}

/// <summary>Links in account mails: the app's address, a path and the user's id and token.</summary>
public static class AccountLinks
{
    public static string Build(string baseUrl, string path, string userId, string token) =>
        $"{baseUrl.TrimEnd('/')}{path}?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";
}
