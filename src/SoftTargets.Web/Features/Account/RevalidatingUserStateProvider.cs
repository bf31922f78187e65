using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.Web.Features.Account;

/// <summary>
/// Re-checks a live circuit's user as often as sessions check the security stamp: a user who was
/// deleted, locked out, had their security stamp changed (new password, new role) or signed out in
/// another tab loses the circuit instead of keeping it for hours.
/// </summary>
public sealed class RevalidatingUserStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options,
    IOptions<SessionSettings> sessions, DatabaseTicketStore sessionStore)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(Math.Max(1, sessions.Value.SecurityStampCheckMinutes));

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        IsStillValidAsync(state.User, cancellationToken);

    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var session = principal.FindFirstValue(DatabaseTicketStore.SessionClaim);
        if (session is not null && !await sessionStore.IsLiveAsync(session, cancellationToken)) return false;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user)) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
