using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Features.Users;

namespace SoftTargets.Web.Features.Account;

/// <summary>
/// Reads <c>Authorization: Bearer stk_…</c> on API calls. The caller acts as the token's user with the
/// token's roles that the user still has, in the user's organisation.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "st:token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadBearer(Request, out var secret)) return AuthenticateResult.NoResult();

        var (caller, refusal, userId) = await tokens.AuthenticateAsync(secret, Context.RequestAborted);
        if (caller is null)
        {
            // Never the secret: only why, and whose token it was when that is known.
            Logger.LogWarning("API token refused ({Refusal}) for user {UserId} from {ClientAddress}",
                refusal, userId, Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("The API token is not valid.");
        }

        var identity = new ClaimsIdentity(SchemeName);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, caller.UserId));
        identity.AddClaim(new Claim(ClaimTypes.Name, caller.UserName));
        identity.AddClaim(new Claim(UserClaimsFactory.OrganizationClaim, caller.OrganizationId.ToString()));
        identity.AddClaim(new Claim(UserClaimsFactory.DisplayNameClaim, caller.DisplayName));
        identity.AddClaim(new Claim(TokenIdClaim, caller.TokenId.ToString()));
        foreach (var role in caller.Roles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    public static bool HasBearer(HttpRequest request) => TryReadBearer(request, out _);

    private static bool TryReadBearer(HttpRequest request, out string secret)
    {
        secret = "";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        secret = header["Bearer ".Length..].Trim();
        return secret.Length > 0;
    }

    /// <summary>An API call with a bearer token is authenticated by the token; everything else by the sign-in cookie.</summary>
    internal static string? SelectScheme(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") && HasBearer(context.Request)
            ? SchemeName
            : Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme;
}
