using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SoftTargets.Core.Security;

namespace SoftTargets.Web.Features.Account;

/// <summary>
/// Tells Core who is asking. In a Blazor circuit the authentication state is the truth; in a plain
/// HTTP request (API, health) it is the request's user. With neither, the caller is the application
/// itself only inside a <see cref="SystemScope"/> (command-line verbs, start-up work, scheduled jobs),
/// and anonymous otherwise. A circuit or request always answers its own user, scope or not.
/// </summary>
public sealed class CurrentUserAccessor(AuthenticationStateProvider authenticationState, IHttpContextAccessor http) : ICurrentUser
{
    public async ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default)
    {
        var principal = PlainRequestUser() ?? await CircuitUserAsync() ?? http.HttpContext?.User;
        if (principal is not null) return ToActor(principal);
        return SystemScope.IsActive ? Actor.System : Actor.Anonymous;
    }

    public static Actor ToActor(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return Actor.Anonymous;
        var organization = Guid.TryParse(principal.FindFirstValue(UserClaimsFactory.OrganizationClaim), out var id) ? id : (Guid?)null;
        return new Actor(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            principal.Identity.Name ?? "",
            organization,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
    }

    /// <summary>
    /// The user of an HTTP request outside any circuit (the API, endpoints, a page's prerender, where the authentication
    /// state is this same user), without asking the circuit first: that question throws outside a component. Inside a
    /// circuit the request at hand, if any, is the circuit's connection under /_blazor, whose user may be out of date.
    /// </summary>
    private ClaimsPrincipal? PlainRequestUser() =>
        http.HttpContext is { } context && !context.Request.Path.StartsWithSegments("/_blazor") ? context.User : null;

    private async Task<ClaimsPrincipal?> CircuitUserAsync()
    {
        try
        {
            return (await authenticationState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Not inside a Razor component render: the state was never set for this scope.
            return null;
        }
    }
}
