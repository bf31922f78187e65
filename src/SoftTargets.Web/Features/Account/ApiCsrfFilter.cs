using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;

namespace SoftTargets.Web.Features.Account;

/// <summary>
/// The sign-in cookie goes with every request the browser sends, whoever's page sends it. So an
/// unsafe API call authenticated by the cookie must come from our own origin and carry the
/// antiforgery token (from <c>GET /api/antiforgery</c>) in a header. A call with an API token has
/// no ambient credential and needs neither.
/// </summary>
public sealed class ApiCsrfFilter(IAntiforgery antiforgery, ILogger<ApiCsrfFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!NeedsCheck(http)) return await next(context);

        if (CrossSiteReason(http.Request) is { } reason)
            return Refuse(http, StatusCodes.Status403Forbidden, "Cross-site request refused",
                $"This API call came from another site ({reason}); it needs the API's own origin.");
        if (!await antiforgery.IsRequestValidAsync(http))
            return Refuse(http, StatusCodes.Status400BadRequest, "Antiforgery token missing or invalid",
                $"An API call made with the sign-in cookie needs the header '{HeaderName(http)}' with the token from GET /api/antiforgery, or use an API token (Authorization: Bearer).");
        return await next(context);
    }

    private static bool NeedsCheck(HttpContext http) =>
        !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
          || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method))
        && http.User.Identity is { IsAuthenticated: true, AuthenticationType: not ApiTokenAuthenticationHandler.SchemeName };

    /// <summary>Browsers say where a request comes from; when they do, it must be this origin.</summary>
    internal static string? CrossSiteReason(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none")) return "Sec-Fetch-Site: " + fetchSite;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
            return "Origin: " + origin;
        return null;
    }

    private IResult Refuse(HttpContext http, int status, string title, string detail)
    {
        logger.LogWarning("API call refused: {Reason}; {Method} {Path} by user {UserId} of organisation {OrganizationId} from {ClientAddress}",
            title, http.Request.Method, http.Request.Path, http.User.FindFirstValue(ClaimTypes.NameIdentifier),
            http.User.FindFirstValue(UserClaimsFactory.OrganizationClaim), http.Connection.RemoteIpAddress);
        return Results.Problem(detail, statusCode: status, title: title);
    }

    private static string HeaderName(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value.HeaderName ?? "RequestVerificationToken";
}
