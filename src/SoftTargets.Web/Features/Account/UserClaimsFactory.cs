using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.Web.Features.Account;

/// <summary>Adds the user's organisation and display name to the sign-in cookie.</summary>
public sealed class UserClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string OrganizationClaim = "st:org";
    public const string DisplayNameClaim = "st:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrganizationClaim, user.OrganizationId.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
