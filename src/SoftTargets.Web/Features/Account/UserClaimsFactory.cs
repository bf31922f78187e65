using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Users;

namespace SoftTargets.Web.Features.Account;

/// <summary>
/// Adds the user's organisation and display name to the sign-in cookie. Staff who must use a second
/// factor and have not set one up get no roles, only <see cref="TwoFactorSetupClaim"/>: every policy
/// and Core service refuses them and <see cref="TwoFactorGate"/> sends them to set it up.
/// </summary>
public sealed class UserClaimsFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, IOptions<AccountSettings> accounts)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string OrganizationClaim = "st:org";
    public const string DisplayNameClaim = "st:name";
    public const string TwoFactorSetupClaim = "st:2fa-setup";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrganizationClaim, user.OrganizationId.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (accounts.Value.RequireTwoFactorForStaff && !user.TwoFactorEnabled
            && identity.FindAll(identity.RoleClaimType).Any(c => AccountSettings.StaffRoles.Contains(c.Value)))
        {
            foreach (var role in identity.FindAll(identity.RoleClaimType).ToList()) identity.RemoveClaim(role);
            identity.AddClaim(new Claim(TwoFactorSetupClaim, "required"));
        }
        return identity;
    }
}
