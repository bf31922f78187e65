using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace SoftTargets.Web.Hosting;

public static class SecurityHeadersExtensions
{
    private const string NonceKey = "SoftTargets.CspNonce";

    /// <summary>Cookies are Secure whenever the request is HTTPS, directly or through a trusted proxy.</summary>
    public static void AddSecureCookies(this IServiceCollection services)
    {
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>
    /// Sends the security headers on every response (pages, API, static files, errors) and HSTS on HTTPS.
    /// Goes first in the pipeline, right after the forwarded headers, so that nothing answers without them.
    /// </summary>
    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>The nonce that lets the page's own inline script (the import map) run under the policy.</summary>
    public static string? CspNonce(this HttpContext context) => context.Items[NonceKey] as string;

    /// <remarks>
    /// Blazor Server and MudBlazor need no eval. Styles allow inline: MudBlazor writes style attributes and its
    /// theme as a style element, and Blazor's reconnect dialog adds one. connect-src 'self' covers the circuit's
    /// same-origin WebSocket.
    /// </remarks>
    internal static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";
}
