using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SoftTargets.Web.Features.Account;

/// <summary>Server-side sessions, API tokens, the API's CSRF check and rate limits.</summary>
public static class SessionSecurityExtensions
{
    public const string CookieOrTokenScheme = "CookieOrApiToken";

    internal static void AddSessionSecurity(this IServiceCollection services)
    {
        services.AddOptions<SessionSettings>().BindConfiguration(SessionSettings.Section);
        services.AddSingleton<SessionCache>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionCache>());
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore, IOptions<SessionSettings>>((options, store, settings) =>
            {
                options.SessionStore = store;
                options.ExpireTimeSpan = settings.Value.AbsoluteLifetime;
            });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SessionSettings>>((options, settings) =>
            options.ValidationInterval = TimeSpan.FromMinutes(settings.Value.SecurityStampCheckMinutes));

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrTokenScheme;
                options.DefaultAuthenticateScheme = CookieOrTokenScheme;
                options.DefaultChallengeScheme = CookieOrTokenScheme;
                options.DefaultForbidScheme = CookieOrTokenScheme;
            })
            .AddPolicyScheme(CookieOrTokenScheme, "Sign-in cookie, or an API token on /api", options =>
                options.ForwardDefaultSelector = ApiTokenAuthenticationHandler.SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        services.AddScoped<PasswordSignIn>();
        services.AddRateLimits();
    }

    /// <summary>Every API endpoint: unsafe cookie calls need the antiforgery header, and calls are rate-limited.</summary>
    public static RouteGroupBuilder RequireApiProtection(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter<ApiCsrfFilter>().RequireRateLimiting(RateLimits.ApiPolicy);
        return api;
    }

    /// <summary>
    /// <c>GET /api/antiforgery</c>: the header name and token a page of this site sends with unsafe API
    /// calls it makes with the sign-in cookie.
    /// </summary>
    internal static void MapAntiforgeryToken(this WebApplication app) =>
        app.MapGet("/api/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Ok(new { headerName = tokens.HeaderName, token = tokens.RequestToken });
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetAntiforgeryToken")
            .WithSummary("The header name and token that unsafe API calls made with the sign-in cookie must send.");
}
